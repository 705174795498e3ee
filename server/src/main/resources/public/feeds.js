// Publishing a week and its calendar feeds: the "publish this week" button, and the panel of subscription links
// (all sessions, per worker, room and organisation) with copy buttons, webcal links and QR codes.
// All text comes from i18n.js; all data from the API (api.js).

import { api } from './api.js';
import { t, currentLanguage, formatDate } from './i18n.js';
import { el } from './grid.js';

const $ = (id) => document.getElementById(id);

let page = null; // { state(), showMessage(text), describeError(error) } from app.js
const feeds = {
  list: null, // the feeds as GET /api/feeds answered them, or null before they are asked for
  language: null, // the language their links ask for
  weeks: [], // the published weeks
  published: null, // what the last publication answered
  loading: false,
  qr: new Map(), // feed path → data: URL of its QR code
};

export function setUpFeeds(hooks) {
  page = hooks;
  $('publish').addEventListener('click', publish);
  $('show-feeds').addEventListener('click', loadFeeds);
  $('rotate-feeds').addEventListener('click', rotate);
}

async function publish() {
  const job = page.state().job;
  if (!job) {
    return;
  }
  try {
    feeds.published = await api.publish(job.id, currentLanguage());
  } catch (error) {
    page.showMessage(page.describeError(error));
    return;
  }
  await loadFeeds();
}

async function loadFeeds() {
  feeds.loading = true;
  try {
    const [answer, weeks] = await Promise.all([api.feeds(currentLanguage()), api.publications()]);
    feeds.list = answer.feeds;
    feeds.language = answer.language;
    feeds.weeks = weeks;
    feeds.qr.clear();
  } catch (error) {
    feeds.list = null; // no links rather than links in the wrong language
    page.showMessage(page.describeError(error));
  } finally {
    feeds.loading = false;
  }
  renderFeeds(page.state());
}

async function rotate() {
  if (!window.confirm(t('feeds.rotateConfirm'))) {
    return;
  }
  try {
    const answer = await api.rotateFeeds(currentLanguage());
    feeds.list = answer.feeds;
    feeds.language = answer.language;
    feeds.qr.clear();
  } catch (error) {
    page.showMessage(page.describeError(error));
  }
  renderFeeds(page.state());
}

/** Draws the publish button's state and the feeds panel; called with the page's state on every redraw. */
export function renderFeeds(state) {
  const solving = state.job && state.job.status !== 'NOT_SOLVING';
  const dated = Boolean(state.plan?.week?.startDate);
  $('publish').disabled = !state.job || !state.schedule || Boolean(solving) || !dated;
  const status = $('publish-status');
  let note = '';
  if (state.plan && !dated) {
    note = t('publish.noDate');
  } else if (feeds.published && feeds.published.job === state.job?.id) {
    note = t('publish.done', { ...feeds.published, date: formatDate(feeds.published.startDate) });
  } else if (state.edited) {
    note = t('publish.edited');
  }
  status.textContent = note;
  status.hidden = !note;

  const panel = $('feeds-panel');
  panel.hidden = !feeds.list;
  if (!feeds.list) {
    return;
  }
  if (feeds.language !== currentLanguage() && !feeds.loading) {
    loadFeeds(); // the links ask for the page's language
    return;
  }
  $('feeds-weeks').textContent = feeds.weeks.length
    ? t('feeds.weeks', { weeks: feeds.weeks.map((week) => formatDate(week.startDate)).join(currentLanguage() === 'zh' ? '、' : ', ') })
    : t('feeds.none');
  const groups = [['all', 'feeds.all'], ['worker', 'feeds.workers'], ['room', 'feeds.rooms'],
    ['organization', 'feeds.orgs']];
  $('feeds-list').replaceChildren(...groups.flatMap(([kind, title]) => {
    const items = feeds.list.filter((feed) => feed.kind === kind);
    if (!items.length) {
      return [];
    }
    const list = el('ul', 'feed-list');
    list.append(...items.map(feedRow));
    const group = el('div', 'feed-group');
    group.dataset.kind = kind;
    group.append(el('h3', '', t(title)), list);
    return [group];
  }));
}

function feedRow(feed) {
  const row = el('li', 'feed');
  row.dataset.kind = feed.kind;
  if (feed.id) {
    row.dataset.id = feed.id;
  }
  const name = el('span', 'feed-name', feed.kind === 'all' ? t('feeds.all') : feed.name ?? feed.id);
  const url = el('input', 'feed-url');
  url.readOnly = true;
  url.value = feed.url;
  url.addEventListener('focus', () => url.select());
  const copy = el('button', 'small copy', t('feeds.copy'));
  copy.type = 'button';
  copy.addEventListener('click', () => copyLink(url, copy));
  const webcal = el('a', 'webcal', t('feeds.subscribe'));
  webcal.href = feed.webcal;
  const qrButton = el('button', 'small qr-button', t('feeds.qr'));
  qrButton.type = 'button';
  const image = el('img', 'qr');
  image.alt = t('feeds.qr');
  image.hidden = !feeds.qr.has(feed.path);
  if (feeds.qr.has(feed.path)) {
    image.src = feeds.qr.get(feed.path);
  }
  qrButton.addEventListener('click', () => toggleQr(feed, image));
  row.append(name, url, copy, webcal, qrButton, image);
  return row;
}

async function copyLink(input, button) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch (error) {
    // Not a secure page (http on another host) or no permission: the selected text copies the old way.
    input.select();
    document.execCommand('copy');
  }
  button.textContent = t('feeds.copied');
  setTimeout(() => { button.textContent = t('feeds.copy'); }, 2000);
}

/** The QR code holds the webcal link: a phone's camera offers to subscribe. */
async function toggleQr(feed, image) {
  if (feeds.qr.has(feed.path)) {
    feeds.qr.delete(feed.path);
    image.hidden = true;
    return;
  }
  try {
    const svg = await api.download(`/api/feeds/qr.svg?text=${encodeURIComponent(feed.webcal)}`);
    const source = await new Promise((resolve, reject) => {
      const reader = new FileReader(); // a data: URL, which the page's Content-Security-Policy allows for images
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(svg);
    });
    feeds.qr.set(feed.path, source);
    image.src = source;
    image.hidden = false;
  } catch (error) {
    page.showMessage(page.describeError(error));
  }
}
