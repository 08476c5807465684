// Active and recent alerts, filtered by type, severity, store or terminal; acknowledge and silence.
import { allItems, api, events, paged } from './api.js';
import { el, fillTable, pager, params, query, setParams, showError } from './dom.js';
import { badge, storeLink, terminalLink, time, words } from './format.js';
import { HISTORY_HEAD, historyRow } from './history.js';
import { debounce, header, liveState, may } from './page.js';

const SIZE = 25;
header('alerts.html');

const form = document.getElementById('filters');
const activeTable = document.getElementById('active');
const recentTable = document.getElementById('recent');
recentTable.tHead.rows[0].replaceChildren(...HISTORY_HEAD.map((name) => el('th', { scope: 'col' }, name)));
const FILTERS = ['type', 'severity', 'merchantAccount', 'store', 'poiid'];
for (const name of FILTERS) form[name].value = params().get(name) || '';
let activePage = 0;
// without alerts:operate there is nothing to press: the Actions column is not drawn at all
const operator = await may('alerts:operate');
if (!operator) activeTable.tHead.rows[0].lastElementChild.remove();

function chosen() {
  return Object.fromEntries(FILTERS.map((name) => [name, form[name].value.trim()]));
}

/** The active alerts come as one list, so they are filtered here, the same way the history is filtered by the API. */
function matches(alert, filter) {
  return FILTERS.every((name) => !filter[name] || alert[name] === filter[name]);
}

/** Types seen in the answers join the type filter, so it offers what the fleet has. */
function offerTypes(alerts) {
  const known = new Set([...form.type.options].map((option) => option.value));
  for (const alert of alerts) {
    if (!known.has(alert.type)) {
      known.add(alert.type);
      form.type.append(el('option', { value: alert.type }, words(alert.type)));
    }
  }
}

function activeRow(alert) {
  return el('tr', { dataset: { alertId: alert.alertId, poiid: alert.poiid || '' } },
    el('td', {}, time(alert.raisedAt)),
    el('th', { scope: 'row' }, words(alert.type)),
    el('td', {}, badge('severity', alert.severity)),
    el('td', {}, alert.poiid ? terminalLink(alert.poiid) : storeLink(alert.merchantAccount, alert.store)),
    el('td', {}, alert.summary || '', alert.silenced ? el('em', {}, ' (silenced)') : ''),
    el('td', { class: 'acknowledged' }, alert.acknowledgedBy ? [alert.acknowledgedBy, ' ', time(alert.acknowledgedAt)] : 'No'),
    operator ? el('td', { class: 'actions' },
      el('button', { type: 'button', class: 'ack', disabled: Boolean(alert.acknowledgedBy), 'aria-label': `Acknowledge ${words(alert.type)} on ${alert.poiid || alert.store}`,
        onclick: () => operate('ack', alert) }, 'Acknowledge'),
      el('button', { type: 'button', class: 'silence', 'aria-label': `Silence ${words(alert.type)} on ${alert.poiid || alert.store}`,
        onclick: () => operate('silence', alert) }, 'Silence')) : null);
}

async function loadActive(page = activePage) {
  activePage = page;
  try {
    const all = await allItems('/api/alerts?active=true');
    offerTypes(all);
    const filter = chosen();
    const list = all.filter((alert) => matches(alert, filter)).sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
    const shown = paged(list, page, SIZE);
    fillTable(activeTable, shown.items.map(activeRow), 'No active alert matches');
    pager(document.getElementById('active-pager'), shown, loadActive);
  } catch (e) {
    showError(activeTable, e);
  }
}

/** The history, filtered and paged by the API; one terminal's comes from its own timeline. */
async function loadRecent(page = 0) {
  const { poiid, ...filter } = chosen();
  const path = poiid ? `/api/terminals/${encodeURIComponent(poiid)}/alerts` : '/api/alerts';
  try {
    const answer = await api(`${path}?${query({ active: poiid ? '' : 'false', ...filter, page, size: SIZE })}`);
    offerTypes(answer.items || []);
    fillTable(recentTable, (answer.items || []).map(historyRow), 'No recent alert matches');
    pager(document.getElementById('recent-pager'), answer, loadRecent);
  } catch (e) {
    showError(recentTable, e);
  }
}

const dialog = document.getElementById('operation');
const dialogForm = document.getElementById('operation-form');
let pending = null;

function operate(kind, alert) {
  pending = { kind, alert };
  const silence = kind === 'silence';
  document.getElementById('operation-title').textContent = silence ? 'Silence' : 'Acknowledge';
  document.getElementById('operation-submit').textContent = silence ? 'Silence' : 'Acknowledge';
  document.getElementById('operation-what').textContent = silence
    ? `Silence ${words(alert.type)} alerts for ${alert.poiid || `${alert.merchantAccount}/${alert.store}`}: they stay recorded but do not page.`
    : `Acknowledge ${words(alert.type)} on ${alert.poiid || `${alert.merchantAccount}/${alert.store}`}.`;
  document.querySelector('label[for=note]').textContent = silence ? 'Reason' : 'Note';
  document.getElementById('until-field').hidden = !silence;
  document.getElementById('operation-problem').textContent = '';
  dialogForm.note.value = '';
  dialog.showModal();
}

/** The processor's tables see an operation a moment after it is written, so the row shows it at once. */
function markDone(kind, alert, by) {
  const row = [...activeTable.tBodies[0].rows].find((candidate) => candidate.dataset.alertId === alert.alertId);
  if (!row) return;
  if (kind === 'ack') {
    row.querySelector('.acknowledged').replaceChildren(by, ' ', time(new Date().toISOString()));
    row.querySelector('button.ack').disabled = true;
  } else {
    row.cells[4].append(el('em', {}, ' (silenced)'));
  }
}

dialogForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { kind, alert } = pending;
  const note = dialogForm.note.value.trim() || null;
  // who did it is whoever the credential names: the processor records it and answers with it
  let by;
  try {
    if (kind === 'ack') {
      by = (await api(`/api/alerts/${encodeURIComponent(alert.alertId)}/ack`, { body: { note } })).acknowledgedBy;
    } else {
      const until = new Date(Date.now() + Number(dialogForm.hours.value) * 3600_000).toISOString();
      const scope = alert.poiid ? { poiid: alert.poiid } : { merchantAccount: alert.merchantAccount, store: alert.store };
      by = (await api('/api/silences', { body: { ...scope, type: alert.type, until, reason: note } })).by;
    }
    dialog.close();
    document.getElementById('operation-status').textContent = kind === 'ack'
      ? `Acknowledged ${words(alert.type)} on ${alert.poiid || alert.store}.` : `Silenced ${words(alert.type)} on ${alert.poiid || alert.store}.`;
    markDone(kind, alert, by);
  } catch (e) {
    document.getElementById('operation-problem').textContent = e.message;
  }
});
document.getElementById('operation-cancel').addEventListener('click', () => dialog.close());

form.addEventListener('submit', (event) => {
  event.preventDefault();
  setParams(chosen());
  loadActive(0);
  loadRecent(0);
});

await Promise.all([loadActive(0), loadRecent(0)]);
const refresh = debounce(() => Promise.all([loadActive(), loadRecent(0)]), 1500);
events((type) => {
  if (type === 'alert') refresh();
}, liveState);
document.body.dataset.ready = 'true';
