// One terminal: its state in words, active alerts, last diagnoses, alert and reboot timeline, "Check now" and "Reboot".
import { api, events } from './api.js';
import { el, fillTable, params, showError } from './dom.js';
import { badge, instant, storeLink, time, words } from './format.js';
import { HISTORY_HEAD, historyView } from './history.js';
import { debounce, header, liveState, may } from './page.js';

const CHECK_WAIT_MS = 120_000;
// a ForceReboot waits for the terminal's next maintenance call; the page follows a pending one this long
const REBOOT_FOLLOW_MS = 15 * 60_000;
const REBOOT_FOLLOW_EVERY_MS = 3000;
header('stores.html');

const poiid = params().get('poiid') || '';
document.getElementById('title').textContent = `Terminal ${poiid}`;
document.title = `${poiid} - fleetdiag`;
const historyTable = document.getElementById('history');
historyTable.tHead.rows[0].replaceChildren(...HISTORY_HEAD.map((name) => el('th', { scope: 'col' }, name)));
const loadHistory = historyView(historyTable, document.getElementById('history-pager'), `/api/terminals/${encodeURIComponent(poiid)}/alerts`);

function yesNo(value, yes, no) {
  return value === null || value === undefined ? '\u2013' : value ? yes : no;
}

function facts(state) {
  const success = state.lastSuccess || {};
  const status = success.poiStatus || {};
  const answer = success.additionalResponse || {};
  const inventory = state.inventory || {};
  return [
    ['Presence', badge('presence', state.presence)],
    ['Presence changed', time(state.presenceChangedAt)],
    ['Last seen connected', time(state.lastSeenAt)],
    // polls whose connected list left it out while its own status call said ONLINE: kept present, worth knowing
    ['List and status disagreed', state.statusDisagreements
      ? [`${state.statusDisagreements} time${state.statusDisagreements === 1 ? '' : 's'}, last `, time(state.lastStatusDisagreementAt)] : 'never'],
    ['Store', storeLink(state.merchantAccount, state.store)],
    ['Model', inventory.model || '\u2013'],
    ['Serial number', inventory.serialNumber || '\u2013'],
    ['Firmware', answer.firmwareVersion || inventory.firmwareVersion || '\u2013'],
    ['Terminal status', words(status.globalStatus)],
    ['Cloud communication', yesNo(status.communicationOk, 'OK', 'Not OK')],
    ['Printer', words(status.printerStatus)],
    ['Battery', answer.batteryLevel === null || answer.batteryLevel === undefined ? '\u2013' : `${answer.batteryLevel}%`],
    ['Tamper status', answer.tamperStatus || '\u2013'],
    ['Unconfirmed offline batches', answer.unconfirmedBatchCount ?? '\u2013'],
    ['Failed checks in a row', state.consecutiveFailures ?? 0],
    ['Last transaction', time(inventory.lastTransactionAt)],
    ['State updated', time(state.updatedAt)],
  ];
}

function diagnosisRows(state) {
  const rows = [];
  const check = state.lastCheck;
  if (check) {
    rows.push(el('tr', { dataset: { requestId: check.requestId } }, el('th', { scope: 'row' }, 'Last check'), el('td', {}, time(check.completedAt)),
      el('td', {}, words(check.reason)), el('td', {}, badge('outcome', check.outcome)),
      el('td', {}, [check.message, check.attempts > 1 ? `${check.attempts} attempts` : null].filter(Boolean).join('; ') || '\u2013')));
  }
  const success = state.lastSuccess;
  if (success) {
    rows.push(el('tr', { dataset: { requestId: success.requestId } }, el('th', { scope: 'row' }, 'Last successful'), el('td', {}, time(success.completedAt)),
      el('td', {}, words(success.reason)), el('td', {}, badge('outcome', success.outcome)),
      el('td', {}, success.hostDiagnosis ? 'with host diagnosis' : '\u2013')));
  }
  const host = state.lastHostDiagnosis;
  if (host) {
    const hosts = (host.hostStatuses || []).map((h) => `acquirer ${h.acquirerId ?? '?'}: ${h.reachable ? 'reachable' : 'not reachable'}`);
    rows.push(el('tr', { dataset: { requestId: host.requestId } }, el('th', { scope: 'row' }, 'Last host diagnosis'), el('td', {}, time(host.completedAt)),
      el('td', {}, '\u2013'), el('td', {}, '\u2013'), el('td', {}, hosts.join(', ') || 'no host answered')));
  }
  return rows;
}

async function loadState() {
  try {
    const state = await api(`/api/terminals/${encodeURIComponent(poiid)}`);
    if (state.merchantAccount && state.store) {
      document.getElementById('crumbs').replaceChildren(el('a', { href: 'stores.html' }, 'Stores'), ' / ', storeLink(state.merchantAccount, state.store));
    }
    document.getElementById('state').replaceChildren(...facts(state).map(([label, value]) =>
      el('div', {}, el('dt', {}, label), el('dd', {}, value))));
    fillTable(document.getElementById('active'), (state.activeAlerts || []).map((alert) => el('tr', { dataset: { alertId: alert.alertId } },
      el('th', { scope: 'row' }, el('a', { href: `alerts.html?poiid=${encodeURIComponent(poiid)}` }, words(alert.type))),
      el('td', {}, badge('severity', alert.severity)), el('td', {}, alert.summary || ''), el('td', {}, time(alert.raisedAt)),
      el('td', {}, alert.acknowledgedBy || '\u2013'))), 'No active alert');
    fillTable(document.getElementById('diagnoses'), diagnosisRows(state), 'No diagnosis yet');
    return state;
  } catch (e) {
    showError(document.getElementById('state'), e);
    return null;
  }
}

/** After "Check now": waits for a check that finished after the click, looking at the state now and then. */
async function awaitCheck(requestedAt, requestId) {
  const status = document.getElementById('check-status');
  const deadline = Date.now() + CHECK_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const state = await loadState();
    const check = state && state.lastCheck;
    if (check && instant(check.completedAt) >= requestedAt) {
      status.replaceChildren(`Check ${requestId} finished: `, badge('outcome', check.outcome), ` (${words(check.reason)}).`);
      status.dataset.finished = check.outcome;
      loadHistory(0);
      return;
    }
  }
  status.append(' No result yet; it appears here when the terminal answers.');
}

document.getElementById('check').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = document.getElementById('check-now');
  const status = document.getElementById('check-status');
  button.disabled = true;
  const requestedAt = new Date(Date.now() - 1000);
  try {
    const answer = await api('/api/checks', { body: { poiid, hostDiagnosis: document.getElementById('host').checked } });
    status.textContent = `Check requested (request ${answer.requestId}); waiting for the terminal's answer\u2026`;
    status.dataset.requestId = answer.requestId;
    await awaitCheck(requestedAt, answer.requestId);
  } catch (e) {
    status.textContent = `The check was not requested: ${e.message}`;
  } finally {
    button.disabled = false;
  }
});

async function loadReboots() {
  const table = document.getElementById('reboots');
  try {
    const answer = await api(`/api/terminals/${encodeURIComponent(poiid)}/reboots`);
    fillTable(table, answer.items.map((action) => el('tr', { dataset: { actionId: action.actionId, status: action.status } },
      el('td', {}, time(action.scheduledAt)), el('th', { scope: 'row' }, `${words(action.actionType)} ${action.actionId}`),
      el('td', {}, action.by || '\u2013'), el('td', {}, badge('action', action.status)), el('td', {}, time(action.seenAt)))),
    'No reboot recorded for this terminal in the last 90 days');
  } catch (e) {
    showError(table, e);
  }
}

/** The timeline is the processor's table, fed from the topic: the change just recorded reaches it a moment later. */
async function timelineShows(actionId, wanted, deadline) {
  while (Date.now() < deadline) {
    const row = document.querySelector(`#reboots tr[data-action-id='${CSS.escape(actionId)}']`);
    if (row && row.dataset.status === wanted) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, REBOOT_FOLLOW_EVERY_MS));
    await loadReboots();
  }
}

/** Asks Adyen how the action stands until it is no longer pending (each change is recorded by the processor as it answers). */
async function followReboot(actionId) {
  const status = document.getElementById('reboot-status');
  const deadline = Date.now() + REBOOT_FOLLOW_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, REBOOT_FOLLOW_EVERY_MS));
    try {
      const action = await api(`/api/reboots/${encodeURIComponent(actionId)}`);
      await loadReboots();
      if (action.status !== 'pending') {
        status.replaceChildren(`Reboot ${actionId}: `, badge('action', action.status), action.result ? ` (${action.result})` : '');
        await timelineShows(actionId, action.status, deadline);
        return;
      }
    } catch (e) {
      status.textContent = `Reboot ${actionId} could not be followed: ${e.message}`;
      return;
    }
  }
}

const rebootDialog = document.getElementById('reboot-dialog');
document.getElementById('reboot').addEventListener('click', () => {
  document.getElementById('reboot-what').textContent = `Reboot ${poiid}? It restarts at its next maintenance call, and a payment in progress on it is lost.`;
  rebootDialog.showModal();
});
document.getElementById('reboot-cancel').addEventListener('click', () => rebootDialog.close());
rebootDialog.querySelector('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  rebootDialog.close();
  const button = document.getElementById('reboot');
  const status = document.getElementById('reboot-status');
  button.disabled = true;
  try {
    const answer = await api(`/api/terminals/${encodeURIComponent(poiid)}/reboot`, { method: 'POST' });
    status.textContent = `Reboot scheduled by ${answer.by} (action ${answer.actionId}); pending until the terminal's next maintenance call.`;
    status.dataset.actionId = answer.actionId;
    await loadReboots();
    followReboot(answer.actionId);
  } catch (e) {
    status.textContent = `The reboot was not scheduled: ${e.message}`;
  } finally {
    button.disabled = false;
  }
});

// asking for a check needs checks:run; without it the section is not shown
document.getElementById('check-title').closest('section').hidden = !(await may('checks:run'));
// rebooting needs alerts:operate; without it there is no Reboot button
document.getElementById('reboot-title').closest('section').hidden = !(await may('alerts:operate'));
await Promise.all([loadState(), loadHistory(0), loadReboots()]);
const refresh = debounce(() => Promise.all([loadState(), loadHistory(0)]), 1000);
events((type, data) => {
  if (type === 'alert' && data && data.poiid === poiid) refresh();
}, liveState);
document.body.dataset.ready = 'true';
