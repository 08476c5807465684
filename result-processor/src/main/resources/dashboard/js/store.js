// One store: its health, its terminals (paged: a store may hold thousands) and its alert history.
import { api, events } from './api.js';
import { el, fillTable, pager, params, query, showError } from './dom.js';
import { alertBadges, badge, percent, terminalLink, time, words } from './format.js';
import { HISTORY_HEAD, historyView } from './history.js';
import { debounce, header, liveState } from './page.js';

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
await Promise.all([loadHealth(), loadTerminals(0), loadHistory(0)]);
const refresh = debounce(() => Promise.all([loadHealth(), loadTerminals(page)]), 2000);
events((type, data) => {
  if ((type === 'alert' || type === 'store') && data && data.merchantAccount === merchantAccount && data.store === store) refresh();
}, liveState);
document.body.dataset.ready = 'true';
