// Getting a plan in: a bundled sample, a JSON file or a workbook (chosen or dropped on the page), or next week's
// plan made by the server. Each is validated by the server; a valid plan becomes the page's, an invalid one shows its
// errors. After a language switch the server's messages are asked for again, in the new language.

import { api } from './api.js';
import { formatDate } from './i18n.js';
import { $, el, showError, hideMessage, askBeforeLosing } from './util.js';
import {
  state, redraw, isSolving, hasUnsavedEdits, scheduleBody, scheduleRequest, weekAtStake, setPlanSource, setValidation, takePlan,
  dropPlan, setSchedule, setStatus, clearRecommendations, setPublishedWeeks,
} from './state.js';
import { showStatus } from './solving.js';
import { renderControls } from './status.js';

/** Fills the samples' list; a sample named in the address (?demo=) is loaded at once. */
export async function loadDemoList() {
  try {
    const demos = await api.demoPlans();
    const select = $('demo-select');
    select.replaceChildren(...demos.map((demo) => {
      const option = el('option');
      option.value = demo.name;
      option.dataset.title = demo.title; // the plan's name; the page names the samples it knows in its language
      return option;
    }));
    redraw();
    const wanted = new URLSearchParams(location.search).get('demo');
    if (wanted && demos.some((demo) => demo.name === wanted)) {
      select.value = wanted;
      loadDemo();
    }
  } catch (error) {
    showError(error);
  }
}

/** Loads the sample chosen in the list (only on the Load button: choosing in the list loads nothing). */
export async function loadDemo() {
  const name = $('demo-select').value;
  if (!name || !askBeforeLosing(weekAtStake())) {
    return;
  }
  try {
    const plan = await api.demoPlan(name);
    await usePlan(JSON.stringify(plan));
  } catch (error) {
    showError(error);
  }
}

/** Reads a plan file chosen or dropped, once the coordinator agrees to lose the week on the page, if any. */
export function readFile(file) {
  if (!askBeforeLosing(weekAtStake())) {
    return;
  }
  if (/\.xlsx$/i.test(file.name)) {
    readWorkbook(file);
    return;
  }
  const reader = new FileReader();
  reader.onload = () => usePlan(String(reader.result));
  reader.readAsText(file, 'utf-8');
}

/**
 * A file dropped anywhere on the page is read as one chosen; only a drag that carries files lights the page's drop
 * frame (a session dragged on the week does not). The drop zone opens the file chooser from the keyboard.
 */
export function setUpDropping() {
  const zone = $('drop-zone');
  const carriesFiles = (event) => Boolean(event.dataTransfer?.types?.includes('Files'));
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    depth += 1;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) {
      return;
    }
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      document.body.classList.remove('dragging');
    }
  });
  document.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) {
      event.preventDefault();
    }
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (file) {
      readFile(file);
    }
  });
  zone.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      $('plan-file').click();
    }
  });
}

/** A workbook goes to the server, which answers its plan (then used as any plan) or its errors at sheet!cell. */
async function readWorkbook(file) {
  hideMessage();
  showStatus('plan.loading');
  let checked;
  try {
    checked = await validateWorkbook(file);
  } catch (error) {
    showError(error);
    return;
  }
  setPlanSource(checked.text ?? null, file);
  show(checked.text, checked.validation);
}

/**
 * A workbook's validation in the page's language: its errors at sheet!cell, or its plan's validation with what the
 * reading ignored (an unknown column, a sheet of no part) first; {@code text} is the plan's JSON when it is valid.
 */
async function validateWorkbook(file) {
  let converted;
  try {
    converted = await api.convertWorkbook(file);
  } catch (error) {
    if (error.status === 400 && error.body?.valid === false) {
      return { validation: error.body };
    }
    throw error;
  }
  const text = JSON.stringify(converted.plan);
  const validation = await api.validate(text);
  validation.diagnostics = [...converted.diagnostics, ...(validation.diagnostics ?? [])];
  return { text: validation.valid ? text : null, validation };
}

/** Validates the plan on the server; a valid one replaces the current plan, an invalid one shows its errors. */
export async function usePlan(text) {
  hideMessage();
  showStatus('plan.loading');
  let validation;
  try {
    validation = await api.validate(text);
  } catch (error) {
    showError(error);
    return;
  }
  setPlanSource(text);
  show(validation.valid ? text : null, validation);
}

/**
 * A valid plan becomes the page's, its week drawn, ready to solve; an invalid one shows its errors instead. The
 * published weeks are asked for, so that a solve of a week already published keeps it.
 */
async function show(text, validation) {
  if (text) {
    takePlan(text, validation);
    setStatus('solve.ready');
  } else {
    dropPlan(validation);
    setStatus('solve.idle');
  }
  redraw();
  if (text) {
    try {
      setPublishedWeeks(await api.publications());
    } catch (error) {
      showError(error);
    }
    renderControls(); // the solve panel offers to keep a published week; the week drawn stays as it is
  }
}

/**
 * After a language switch: the server's messages (plan errors, diagnostics, reasons, justifications, constraint
 * names) are asked for again, in the new language; a solve in progress gets them with its next best schedule.
 */
export async function askAgainInLanguage() {
  try {
    if (state.workbook) {
      setValidation((await validateWorkbook(state.workbook)).validation);
    } else if (state.validatedText) {
      setValidation(await api.validate(state.validatedText));
    }
    if (state.schedule && !isSolving()) {
      setSchedule(state.analyzed ? await api.analyze(scheduleRequest()) : await api.schedule(state.job.id));
      clearRecommendations();
    }
  } catch (error) {
    showError(error);
  }
  redraw();
}

/** Next week's plan from the server (this week's placements, edits included, as previous), loaded ready to solve. */
export async function planNextWeek() {
  const { job } = state;
  if (!job || !askBeforeLosing(hasUnsavedEdits() ? 'edited' : null)) {
    return;
  }
  let plan;
  try {
    plan = await api.nextWeek(job.id, state.edited ? scheduleBody() : undefined);
  } catch (error) {
    showError(error);
    return;
  }
  await usePlan(JSON.stringify(plan, null, 2));
  if (state.plan) {
    showStatus('nextWeek.loaded', { week: plan.week?.startDate ? formatDate(plan.week.startDate) : '–' });
  }
}
