// Draws the publish button's state and the panel of calendar feeds from the state; what their buttons do is
// feeds.js's (handed in at set-up).

import { t, currentLanguage, formatDate, list } from './i18n.js';
import { $, el, button } from './util.js';
import { state, isSolving, hasUnsavedEdits } from './state.js';

let actions = null;

/** {@code copyLink(input, button)} and {@code toggleQr(feed, image)}: what a feed's buttons do. */
export function setUpFeedsView(feedActions) {
  actions = feedActions;
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
  } else if (hasUnsavedEdits()) {
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
  // Links on this computer's own address open nowhere else: a phone cannot reach them.
  const local = feeds.list.find((feed) => /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//i.test(feed.url));
  $('feeds-local').hidden = !local;
  $('feeds-local').textContent = local ? t('feeds.local', { host: new URL(local.url).host }) : '';
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
  url.setAttribute('aria-label', t('feeds.link', { name: feed.kind === 'all' ? t('feeds.all') : feed.name ?? feed.id }));
  url.addEventListener('focus', () => url.select());
  const copy = button('small copy', t('feeds.copy'), () => actions.copyLink(url, copy));
  const webcal = el('a', 'webcal', t('feeds.subscribe'));
  webcal.href = feed.webcal;
  const image = el('img', 'qr');
  image.alt = t('feeds.qr');
  const { qr } = state.feeds;
  image.hidden = !qr.has(feed.path);
  if (qr.has(feed.path)) {
    image.src = qr.get(feed.path);
  }
  const qrButton = button('small qr-button', t('feeds.qr'), () => actions.toggleQr(feed, image));
  row.append(name, url, copy, webcal, qrButton, image);
  return row;
}
