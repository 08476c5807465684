// Stores, grouped by merchant account, sorted and paged by the API.
import { api } from './api.js';
import { el, fillTable, pager, params, query, setParams, showError } from './dom.js';
import { health, storeLink } from './format.js';
import { header } from './page.js';

const SIZE = 50;
header('stores.html');

const form = document.getElementById('filters');
const table = document.getElementById('stores');
const initial = params();
form.merchantAccount.value = initial.get('merchantAccount') || '';
form.degraded.checked = initial.get('degraded') === 'true';
form.sort.value = initial.get('sort') || 'health';

function filters() {
  return { merchantAccount: form.merchantAccount.value.trim(), degraded: form.degraded.checked ? 'true' : '', sort: form.sort.value };
}

function groupRows(stores) {
  const rows = [];
  let account = null;
  for (const store of stores) {
    if (store.merchantAccount !== account) {
      account = store.merchantAccount;
      rows.push(el('tr', { class: 'group' }, el('th', { scope: 'rowgroup', colspan: 7 }, account)));
    }
    rows.push(el('tr', { class: store.degraded ? 'degraded' : '', dataset: { store: `${store.merchantAccount}/${store.store}` } },
      el('th', { scope: 'row' }, storeLink(store.merchantAccount, store.store)),
      el('td', { class: 'num' }, health(store.health)),
      el('td', { class: 'num' }, store.terminals ?? '\u2013'),
      el('td', { class: 'num' }, store.online ?? '\u2013'),
      el('td', { class: 'num' }, store.offline ?? '\u2013'),
      el('td', { class: 'num' }, store.activeAlerts ?? '\u2013'),
      el('td', {}, store.degraded ? 'Degraded' : 'No')));
  }
  return rows;
}

async function load(page) {
  const chosen = filters();
  setParams({ ...chosen, page: page || '' });
  table.tHead.rows[0].cells[1].setAttribute('aria-sort', chosen.sort === 'health' ? 'ascending' : 'none');
  try {
    const answer = await api(`/api/stores?${query({ ...chosen, page, size: SIZE })}`);
    // grouped by account within the chosen order: a stable sort keeps the API's order inside each group
    const stores = [...(answer.items || [])].sort((a, b) => String(a.merchantAccount).localeCompare(String(b.merchantAccount)));
    fillTable(table, groupRows(stores), 'No store matches');
    pager(document.getElementById('pager'), answer, load);
  } catch (e) {
    showError(table, e);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load(0);
});
form.sort.addEventListener('change', () => load(0));
form.degraded.addEventListener('change', () => load(0));
document.getElementById('sort-health').addEventListener('click', () => {
  form.sort.value = form.sort.value === 'health' ? 'name' : 'health';
  load(0);
});
await load(Number(initial.get('page') || 0));
document.body.dataset.ready = 'true';
