// Taking the week away: the schedule as JSON, CSV, iCalendar or a workbook, the plan as a workbook, and the printed
// week or notice-board sheets (print.js). A download of the server's files saves the edits first.

import { api } from './api.js';
import { currentLanguage } from './i18n.js';
import { $, saveFile, showError } from './util.js';
import { state, hasUnsavedEdits } from './state.js';
import { saveEdits } from './edit.js';
import { renderPrintPages } from './print.js';

/** The schedule as the page shows it, edits included. */
export function downloadJson() {
  if (!state.schedule) {
    return;
  }
  const document = { ...(state.job ? { id: state.job.id } : {}), ...state.schedule };
  saveFile(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
    `schedule-${state.job?.id ?? 'edited'}.json`);
}

/** The job's schedule as the server writes it: csv, ics or xlsx. */
export async function downloadExport(kind, query = '') {
  if (!state.job) {
    return;
  }
  try {
    if (hasUnsavedEdits()) {
      await saveEdits(); // the export is the week as the page shows it
    }
    saveFile(await api.exportFile(state.job.id, kind, query), `schedule-${state.job.id}.${kind}`);
  } catch (error) {
    showError(error);
  }
}

export async function downloadPlanWorkbook() {
  if (!state.planText) {
    return;
  }
  try {
    saveFile(await api.planWorkbook(state.planText, currentLanguage()), 'plan.xlsx');
  } catch (error) {
    showError(error);
  }
}

/** The notice-board sheets: one A4 page per room or per worker; only they are printed. */
export function printPages(kind) {
  if (!state.index) {
    return;
  }
  renderPrintPages($('print-pages'), state.index, state.schedule?.sessions ?? [], kind);
  document.body.dataset.print = kind;
  window.addEventListener('afterprint', () => { delete document.body.dataset.print; }, { once: true });
  window.print();
}
