// The HTTP API (see /openapi.yaml), with the optional bearer token: on a 401 the page asks once for it,
// keeps it for the browser tab (sessionStorage) and sends the request again. Every request carries the page's
// language (Accept-Language), so the server's messages come in it.

import { currentLanguage } from './i18n.js';

const TOKEN_KEY = 'apiToken';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let askToken = async () => null;

/** Sets the dialog that asks the coordinator for a token; it resolves to the token, or null when cancelled. */
export function onTokenNeeded(ask) {
  askToken = ask;
}

/** An error the server answered, with its {path, code, message} list. */
export class ApiError extends Error {
  constructor(status, errors, body) {
    super(errors.map((e) => (e.path && e.path !== '$' ? `${e.path}: ${e.message}` : e.message)).join('; ')
      || `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    this.body = body;
  }
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const withLanguage = { 'Accept-Language': currentLanguage() === 'zh' ? 'zh-CN' : 'en', ...extra };
  return token ? { ...withLanguage, Authorization: `Bearer ${token}` } : withLanguage;
}

/** fetch() with the token; asks for a (new) token on a 401 and retries once with it. */
async function send(path, options = {}) {
  let response = await fetch(path, { ...options, headers: headers(options.headers) });
  if (response.status === 401) {
    const token = await askToken(Boolean(sessionStorage.getItem(TOKEN_KEY)));
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      response = await fetch(path, { ...options, headers: headers(options.headers) });
    }
  }
  return response;
}

async function json(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const errors = Array.isArray(body?.errors) ? body.errors : Array.isArray(body) ? body
      : [{ path: '$', message: text || `HTTP ${response.status}` }];
    throw new ApiError(response.status, errors, body);
  }
  return body;
}

function post(path, body, signal, method = 'POST') {
  return json(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

export const api = {
  demoPlans: () => json('/api/demo-data'),
  demoPlan: (name) => json(`/api/demo-data/${encodeURIComponent(name)}`),
  /** 200 and 400 both carry a Validation document. */
  validate: async (planText) => {
    try {
      return await post('/api/plans/validate', planText);
    } catch (error) {
      if (error.status === 400 && error.body && error.body.valid === false) {
        return error.body;
      }
      throw error;
    }
  },
  submit: (planText, timeLimit) => post(`/api/schedules?timeLimit=${encodeURIComponent(timeLimit)}`, planText),
  schedule: (id) => json(`/api/schedules/${encodeURIComponent(id)}`),
  stop: (id) => json(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** From the job's schedule, or from the schedule given (edited by hand). */
  nextWeek: (id, schedule) => post(`/api/schedules/${encodeURIComponent(id)}/next-week`, schedule ?? ''),
  /** A signal lets a newer edit abort the scoring of an older one. */
  analyze: (request, signal) => post('/api/schedules/analyze', request, signal),
  recommend: (request, signal) => post('/api/schedules/recommend', request, signal),
  /** The week edited by hand becomes the job's schedule (its exports and publication use it). */
  saveSchedule: (id, schedule) => post(`/api/schedules/${encodeURIComponent(id)}/schedule`, schedule, undefined, 'PUT'),
  publish: (id, lang) => post(`/api/schedules/${encodeURIComponent(id)}/publish?lang=${encodeURIComponent(lang)}`, {}),
  publications: () => json('/api/publications'),
  /** A published week with its sessions where the calendars have them. */
  publishedWeek: (startDate) => json(`/api/publications/${encodeURIComponent(startDate)}`),
  /** The plan to solve again, kept close to a schedule of it: its pins, its placements as previous. */
  replan: (plan, schedule) => post('/api/plans/replan', { plan, schedule }),
  feeds: (lang) => json(`/api/feeds?lang=${encodeURIComponent(lang)}`),
  rotateFeeds: (lang) => post(`/api/feeds/rotate?lang=${encodeURIComponent(lang)}`, {}),
  /** A plan's workbook (a File) as the plan's JSON; a 400 carries the errors at their sheet and cell. */
  convertWorkbook: (file) => json('/api/plans/convert', { method: 'POST', headers: { 'Content-Type': XLSX }, body: file }),
  /** The plan's JSON as a workbook (a Blob), its sheets and headers in the language given. */
  planWorkbook: async (planText, lang) => {
    const response = await send(`/api/plans/convert?lang=${encodeURIComponent(lang)}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: planText });
    if (!response.ok) {
      throw new ApiError(response.status, [{ path: '$', message: await response.text() }]);
    }
    return response.blob();
  },
  /** The job's schedule as a file: csv, ics or xlsx ({@code query} such as "?lang=zh"). */
  exportFile: (id, kind, query = '') => api.download(`/api/schedules/${encodeURIComponent(id)}/export.${kind}${query}`),
  /** A QR code (SVG, as a Blob) holding the text. */
  qrCode: (text) => api.download(`/api/feeds/qr.svg?text=${encodeURIComponent(text)}`),
  /** A file of the API as a Blob, with the token. */
  download: async (path) => {
    const response = await send(path);
    if (!response.ok) {
      throw new ApiError(response.status, [{ path: '$', message: await response.text() }]);
    }
    return response.blob();
  },
};

/**
 * Reads the job's server-sent events with fetch() (EventSource cannot send the token) and calls
 * onEvent(name, data) for each; resolves when the stream ends. abort() on the signal ends it early.
 */
export async function followEvents(id, onEvent, signal) {
  const response = await send(`/api/schedules/${encodeURIComponent(id)}/events`,
    { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, [{ path: '$', message: `HTTP ${response.status}` }]);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length) {
          let parsed = data.join('\n');
          try {
            parsed = JSON.parse(parsed);
          } catch (e) {
            // not JSON: handed on as text
          }
          onEvent(name, parsed);
        }
        name = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        // a comment (heartbeat)
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          name = text;
        } else if (field === 'data') {
          data.push(text);
        }
      }
    }
  }
}
