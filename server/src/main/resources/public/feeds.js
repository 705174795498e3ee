// Publishing a week and its calendar feeds: the "publish this week" button, and the panel of subscription links
// (all sessions, per worker, room and organisation) with copy buttons, webcal links and QR codes.
// All text comes from i18n.js; all data from the API (api.js).

import { api } from './api.js';
import { t, currentLanguage, formatDate, list } from './i18n.js';
import { $, el, button, showError } from './util.js';
import { state, isSolving, setFeeds, setFeedsLoading, setPublished, setQrCode } from './state.js';

export function setUpFeeds() {
  $('publish').addEventListener('click', publish);
  $('show-feeds').addEventListener('click', loadFeeds);
  $('rotate-feeds').addEventListener('click', rotate);
}

async function publish() {
  const { job } = state;
  if (!job) {
    return;
  }
  try {
    setPublished(await api.publish(job.id, currentLanguage()));
  } catch (error) {
    showError(error);
    return;
  }
  await loadFeeds();
}

async function loadFeeds() {
  setFeedsLoading(true);
  try {
    const [answer, weeks] = await Promise.all([api.feeds(currentLanguage()), api.publications()]);
    setFeeds(answer, weeks);
  } catch (error) {
    setFeeds(null); // no links rather than links in the wrong language
    showError(error);
  } finally {
    setFeedsLoading(false);
  }
  renderFeeds();
  followLanguage(); // switched while they were on their way
}

async function rotate() {
  if (!window.confirm(t('feeds.rotateConfirm'))) {
    return;
  }
  try {
    setFeeds(await api.rotateFeeds(currentLanguage()));
  } catch (error) {
    showError(error);
  }
  renderFeeds();
}

/** After a language switch: the links shown are asked for again, to ask for the page's language. */
export function followLanguage() {
  if (state.feeds.list && state.feeds.language !== currentLanguage() && !state.feeds.loading) {
    loadFeeds();
  }
}

/** Draws the publish button's state and the feeds panel; called on every redraw of the page. */
export function renderFeeds() {
  const { feeds } = state;
  const dated = Boolean(state.plan?.week?.startDate);
  $('publish').disabled = !state.job || !state.schedule || isSolving() || !dated;
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
  if (feeds.language !== currentLanguage()) {
    return; // until they are asked for again in the page's language (followLanguage)
  }
  $('feeds-weeks').textContent = feeds.weeks.length
    ? t('feeds.weeks', { weeks: list(feeds.weeks.map((week) => formatDate(week.startDate))) })
    : t('feeds.none');
  const groups = [['all', 'feeds.all'], ['worker', 'feeds.workers'], ['room', 'feeds.rooms'],
    ['organization', 'feeds.orgs']];
  $('feeds-list').replaceChildren(...groups.flatMap(([kind, title]) => {
    const items = feeds.list.filter((feed) => feed.kind === kind);
    if (!items.length) {
      return [];
    }
    const links = el('ul', 'feed-list');
    links.append(...items.map(feedRow));
    const group = el('div', 'feed-group');
    group.dataset.kind = kind;
    group.append(el('h3', '', t(title)), links);
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
  const copy = button('small copy', t('feeds.copy'), () => copyLink(url, copy));
  const webcal = el('a', 'webcal', t('feeds.subscribe'));
  webcal.href = feed.webcal;
  const image = el('img', 'qr');
  image.alt = t('feeds.qr');
  const { qr } = state.feeds;
  image.hidden = !qr.has(feed.path);
  if (qr.has(feed.path)) {
    image.src = qr.get(feed.path);
  }
  const qrButton = button('small qr-button', t('feeds.qr'), () => toggleQr(feed, image));
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
  if (state.feeds.qr.has(feed.path)) {
    setQrCode(feed.path, null);
    image.hidden = true;
    return;
  }
  try {
    const svg = await api.qrCode(feed.webcal);
    const source = await new Promise((resolve, reject) => {
      const reader = new FileReader(); // a data: URL, which the page's Content-Security-Policy allows for images
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(svg);
    });
    setQrCode(feed.path, source);
    image.src = source;
    image.hidden = false;
  } catch (error) {
    showError(error);
  }
}
