// One store: its health, its terminals (paged: a store may hold thousands), its alert history, and "Reboot" for operators.
import { api, events } from './api.js';
import { el, fillTable, pager, params, query, showError } from './dom.js';
import { alertBadges, badge, percent, terminalLink, time, words } from './format.js';
import { HISTORY_HEAD, historyView } from './history.js';
import { debounce, header, liveState, may } from './page.js';

const SIZE = 50;
header('stores.html');

const merchantAccount = params().get('merchantAccount') || '';
const store = params().get('store') || '';
const path = `${encodeURIComponent(merchantAccount)}/${encodeURIComponent(store)}`;
document.getElementById('title').textContent = `Store ${merchantAccount} / ${store}`;
document.title = `${store} - fleetdiag`;
const form = document.getElementById('filters');
const table = document.getElementById('terminals');
const historyTable = document.getElementById('history');
historyTable.tHead.rows[0].replaceChildren(...HISTORY_HEAD.map((name) => el('th', { scope: 'col' }, name)));
let page = 0;

async function loadHealth() {
  try {
    const health = await api(`/api/stores/${path}`);
    const fields = [['Known', health.terminalsKnown], ['Online', health.terminalsOnline], ['Healthy', health.terminalsHealthy],
      ['Degraded', health.degraded ? 'Yes' : 'No'], ['Updated', time(health.updatedAt || health.eventTime)]];
    document.getElementById('health').replaceChildren(...fields.map(([label, value]) =>
      el('div', { class: 'count' }, el('dt', {}, label), el('dd', {}, value ?? '\u2013'))));
  } catch (e) {
    if (e.status === 404) {
      // a store counts once one of its terminals has connected (docs/design.md)
      document.getElementById('health').replaceChildren(el('p', {}, 'No health yet: none of its terminals has connected.'));
    } else {
      showError(document.getElementById('health'), e);
    }
  }
}

function terminalRow(terminal) {
  return el('tr', { dataset: { poiid: terminal.poiid } },
    el('th', { scope: 'row' }, terminalLink(terminal.poiid)),
    el('td', {}, terminal.model || '\u2013'),
    el('td', {}, badge('presence', terminal.presence)),
    el('td', {}, time(terminal.offlineSince)),
    el('td', { class: 'num' }, percent(terminal.battery)),
    el('td', {}, words(terminal.printer)),
    el('td', {}, time(terminal.lastDiagnosisAt), terminal.lastOutcome ? ` (${words(terminal.lastOutcome)})` : ''),
    el('td', {}, alertBadges(terminal.activeAlerts)));
}

async function loadTerminals(next) {
  page = next;
  try {
    const answer = await api(`/api/terminals?${query({ merchantAccount, store, presence: form.presence.value,
      alertType: form.alertType.value.trim(), page, size: SIZE })}`);
    fillTable(table, (answer.items || []).map(terminalRow), 'No terminal matches');
    pager(document.getElementById('terminals-pager'), answer, loadTerminals);
    table.dataset.loaded = String(Date.now());
  } catch (e) {
    showError(table, e);
  }
}

const loadHistory = historyView(historyTable, document.getElementById('history-pager'), `/api/stores/${path}/alerts`);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  loadTerminals(0);
});
const rebootDialog = document.getElementById('reboot-dialog');
document.getElementById('reboot').addEventListener('click', () => {
  document.getElementById('reboot-what').textContent = `Reboot every terminal of ${merchantAccount} / ${store} that you see? Each restarts`
    + ' at its next maintenance call, and a payment in progress on it is lost.';
  rebootDialog.showModal();
});
document.getElementById('reboot-cancel').addEventListener('click', () => rebootDialog.close());
rebootDialog.querySelector('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  rebootDialog.close();
  const status = document.getElementById('reboot-status');
  try {
    const answer = await api(`/api/stores/${path}/reboot`, { method: 'POST' });
    const refused = Object.entries(answer.errors || {});
    status.textContent = `Reboot of ${answer.scheduled.length} terminals scheduled by ${answer.by}`
      + (refused.length ? `; not scheduled: ${refused.map(([poiid, reason]) => `${poiid} (${reason})`).join(', ')}` : '')
      + '. Each terminal page follows its own.';
    status.dataset.scheduled = String(answer.scheduled.length);
  } catch (e) {
    status.textContent = `The reboot was not scheduled: ${e.message}`;
  }
});
// rebooting needs alerts:operate; without it there is no Reboot button
document.getElementById('reboot-title').closest('section').hidden = !(await may('alerts:operate'));

await Promise.all([loadHealth(), loadTerminals(0), loadHistory(0)]);
const refresh = debounce(() => Promise.all([loadHealth(), loadTerminals(page)]), 2000);
events((type, data) => {
  if ((type === 'alert' || type === 'store') && data && data.merchantAccount === merchantAccount && data.store === store) refresh();
}, liveState);
document.body.dataset.ready = 'true';
