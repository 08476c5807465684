// The fleet page: counts, active alerts by type and severity, degraded stores, results in the last
// hour; kept current by the server's events, never by reloading.
import { allItems, api, events } from './api.js';
import { bars } from './chart.js';
import { el, fillTable, showError } from './dom.js';
import { badge, health, instant, storeLink, terminalLink, time, words } from './format.js';
import { debounce, header, liveState } from './page.js';

const NEWEST = 15;
const HOUR = 3600_000;
const SAMPLES_KEY = 'fleetdiag.resultSamples';

header('index.html');

function renderCounts(fleet) {
  const items = [
    ['Terminals', fleet.terminals], ['Online', fleet.online], ['Offline', fleet.offline], ['Never seen', fleet.neverSeen],
    ['With active alerts', fleet.terminalsWithActiveAlerts], ['Stores', fleet.stores], ['Degraded stores', fleet.degradedStores],
  ];
  document.getElementById('counts').replaceChildren(...items.flatMap(([label, value]) => [
    el('div', { class: `count count-${label.toLowerCase().replaceAll(' ', '-')}${value > 0 ? ' nonzero' : ''}` },
      el('dt', {}, label), el('dd', {}, value ?? '\u2013')),
  ]));
  renderResults(fleet);
}

/**
 * The API counts results since the processor's start; the last hour is the difference to the oldest
 * count this tab saw within the hour, so the window fills as the tab stays open.
 */
function renderResults(fleet) {
  const figure = document.getElementById('results');
  if (fleet.resultsLastHour) {
    bars(figure, fleet.resultsLastHour, 'Diagnosis results in the last hour');
    return;
  }
  const now = Date.now();
  let samples = JSON.parse(sessionStorage.getItem(SAMPLES_KEY) || '[]');
  samples.push({ at: now, counts: fleet.resultsByOutcome || {} });
  const baselineIndex = samples.findLastIndex((sample) => sample.at <= now - HOUR);
  samples = samples.slice(Math.max(0, baselineIndex)).filter((sample, i, all) => i === 0 || i === all.length - 1 || sample.at - all[i - 1].at > 60_000);
  sessionStorage.setItem(SAMPLES_KEY, JSON.stringify(samples));
  const base = samples[0];
  const minutes = Math.round((now - base.at) / 60_000);
  if (minutes < 1) {
    bars(figure, fleet.resultsByOutcome || {}, 'Diagnosis results since the processor started; the last hour fills in while this tab is open');
    return;
  }
  const delta = {};
  for (const [outcome, count] of Object.entries(fleet.resultsByOutcome || {})) delta[outcome] = count - (base.counts[outcome] || 0);
  bars(figure, delta, minutes >= 60 ? 'Diagnosis results in the last hour' : `Diagnosis results in the last ${minutes} min (this tab's window)`);
}

function renderByType(alerts) {
  const table = {};
  for (const alert of alerts) {
    const row = table[alert.type] || (table[alert.type] = { CRITICAL: 0, WARNING: 0, INFO: 0, total: 0 });
    row[alert.severity] = (row[alert.severity] || 0) + 1;
    row.total += 1;
  }
  const rows = Object.entries(table).sort((a, b) => b[1].total - a[1].total).map(([type, row]) =>
    el('tr', { dataset: { type } },
      el('th', { scope: 'row' }, el('a', { href: `alerts.html?type=${encodeURIComponent(type)}` }, words(type))),
      el('td', { class: 'num' }, row.CRITICAL || ''), el('td', { class: 'num' }, row.WARNING || ''),
      el('td', { class: 'num' }, row.INFO || ''), el('td', { class: 'num' }, row.total)));
  fillTable(document.getElementById('by-type'), rows, 'No active alerts');
}

function feedItem(alert) {
  return el('li', { dataset: { alertId: alert.alertId, poiid: alert.poiid || '', type: alert.type, status: alert.status || 'RAISED' } },
    time(alert.eventTime || alert.updatedAt || alert.raisedAt), ' ',
    badge('status', alert.status || 'RAISED'), ' ', badge('severity', alert.severity), ' ',
    el('strong', {}, words(alert.type)), ' ',
    alert.poiid ? terminalLink(alert.poiid) : storeLink(alert.merchantAccount, alert.store), ' ',
    el('span', { class: 'summary' }, alert.summary || ''));
}

function addToFeed(alert) {
  const feed = document.getElementById('newest');
  // the first active list and the stream can both carry the same edge: show it once
  const status = alert.status || 'RAISED';
  [...feed.children].filter((item) => item.dataset.alertId === alert.alertId && item.dataset.status === status)
    .forEach((item) => item.remove());
  feed.prepend(feedItem(alert));
  while (feed.children.length > NEWEST) feed.lastElementChild.remove();
}

async function loadFleet() {
  try {
    renderCounts(await api('/api/fleet'));
  } catch (e) {
    showError(document.getElementById('counts'), e);
  }
}

async function loadAlerts(first) {
  try {
    const alerts = await allItems('/api/alerts?active=true');
    renderByType(alerts);
    if (first) {
      [...alerts].sort((a, b) => instant(a.raisedAt) - instant(b.raisedAt)).slice(-NEWEST).forEach(addToFeed);
    }
  } catch (e) {
    showError(document.getElementById('by-type'), e);
  }
}

async function loadDegraded() {
  const table = document.getElementById('degraded');
  try {
    const stores = (await api('/api/stores?degraded=true&sort=health&page=0&size=10')).items || [];
    fillTable(table, stores.map((store) => el('tr', {},
      el('th', { scope: 'row' }, storeLink(store.merchantAccount, store.store)),
      el('td', { class: 'num' }, health(store.health)),
      el('td', { class: 'num' }, `${store.online ?? '?'} / ${store.terminals ?? '?'}`),
      el('td', { class: 'num' }, store.activeAlerts ?? '\u2013'))), 'No degraded store');
  } catch (e) {
    showError(table, e);
  }
}

const refreshFleet = debounce(loadFleet, 1000);
const refreshAlerts = debounce(() => loadAlerts(false), 1500);
const refreshDegraded = debounce(loadDegraded, 2000);

await Promise.all([loadFleet(), loadAlerts(true), loadDegraded()]);
events((type, data) => {
  if (type === 'alert') {
    addToFeed(data);
    refreshAlerts();
    refreshFleet();
  } else if (type === 'store') {
    refreshDegraded();
  } else if (type === 'fleet') {
    if (data && data.online !== undefined) renderCounts(data);
    else refreshFleet();
  }
}, liveState);
document.body.dataset.ready = 'true';
