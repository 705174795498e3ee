// Publishing a week and its calendar feeds: what the "publish this week" button and the panel of subscription
// links do (publish, ask for the links, rotate the secret, copy a link, show a QR code). feeds-view.js draws them.
// All text comes from i18n.js; all data from the API (api.js).

import { api } from './api.js';
import { t, currentLanguage } from './i18n.js';
import { $, showError } from './util.js';
import { state, setFeeds, setFeedsLoading, setPublished, setQrCode } from './state.js';
import { setUpFeedsView, renderFeeds } from './feeds-view.js';

export function setUpFeeds() {
  $('publish').addEventListener('click', publish);
  $('show-feeds').addEventListener('click', loadFeeds);
  $('rotate-feeds').addEventListener('click', rotate);
  setUpFeedsView({ copyLink, toggleQr });
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
