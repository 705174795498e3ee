// The coordinators' page, started here: every control wired to what it does, and the whole page drawn from the
// state (state.js). Getting a plan in is plans.js, solving solving.js, hand edits edit.js, taking the week away
// exports.js, calendars feeds.js; the drawing is status.js, views.js (with grid.js), results.js and those modules'
// own. All text comes from i18n.js; all data from the API (api.js).

import { onTokenNeeded } from './api.js';
import { currentLanguage, setLanguage, translatePage } from './i18n.js';
import { $, keepingFocus } from './util.js';
import { onRedraw, redraw, setHighlight, weekAtStake } from './state.js';
import { loadDemoList, loadDemo, readFile, setUpDropping, askAgainInLanguage, planNextWeek } from './plans.js';
import { solve, stop, recommend, apply, chooseConstraint } from './solving.js';
import { downloadJson, downloadExport, downloadPlanWorkbook, printPages } from './exports.js';
import { setUpEditing, suggestAgain } from './edit.js';
import { setUpFeeds, followLanguage } from './feeds.js';
import { renderFeeds } from './feeds-view.js';
import { renderHeader, renderPlanStatus, renderStatus, renderProgress, renderControls } from './status.js';
import { setUpViews, renderViews } from './views.js';
import { setUpResults, renderSummary, renderUnassigned, renderConstraints } from './results.js';

function init() {
  translatePage();
  onTokenNeeded(askForToken);
  onRedraw(renderAll);
  $('language').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
    renderAll();
    followLanguage();
    askAgainInLanguage();
    suggestAgain();
  });
  $('demo-load').addEventListener('click', loadDemo);
  // Leaving the page loses the week on it: the browser asks first.
  window.addEventListener('beforeunload', (event) => {
    if (weekAtStake()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  $('plan-file').addEventListener('change', (event) => {
    const file = event.target.files?.[0];
    if (file) {
      readFile(file);
    }
    event.target.value = '';
  });
  setUpDropping();
  $('solve').addEventListener('click', solve);
  $('stop').addEventListener('click', stop);
  $('download-json').addEventListener('click', downloadJson);
  $('download-csv').addEventListener('click', () => downloadExport('csv'));
  $('download-ics').addEventListener('click', () => downloadExport('ics'));
  $('download-xlsx').addEventListener('click', () => downloadExport('xlsx', `?lang=${currentLanguage()}`));
  $('download-plan-xlsx').addEventListener('click', downloadPlanWorkbook);
  $('print').addEventListener('click', () => window.print());
  $('print-rooms').addEventListener('click', () => printPages('rooms'));
  $('print-workers').addEventListener('click', () => printPages('workers'));
  $('next-week').addEventListener('click', planNextWeek);
  $('clear-highlight').addEventListener('click', () => {
    setHighlight(null);
    redraw();
  });
  setUpViews();
  setUpResults({ recommend, apply, chooseConstraint });
  setUpFeeds();
  setUpEditing();
  renderAll();
  loadDemoList();
}

function renderAll() {
  keepingFocus(drawAll);
}

function drawAll() {
  translatePage();
  renderHeader();
  renderPlanStatus();
  renderStatus();
  renderProgress();
  renderSummary();
  renderViews();
  renderUnassigned();
  renderConstraints();
  renderControls();
  renderFeeds();
}

// --- The token dialog

let pendingToken = null;

/** Asks the coordinator for the API token once, however many requests were refused meanwhile. */
function askForToken(rejected) {
  pendingToken ??= new Promise((resolve) => {
    const dialog = $('token-dialog');
    $('token-rejected').hidden = !rejected;
    $('token-input').value = '';
    dialog.addEventListener('close', () => {
      const token = $('token-input').value.trim();
      resolve(dialog.returnValue === 'ok' && token ? token : null);
    }, { once: true });
    dialog.showModal();
    $('token-input').focus();
  }).finally(() => {
    setTimeout(() => { pendingToken = null; }, 0);
  });
  return pendingToken;
}

init();
