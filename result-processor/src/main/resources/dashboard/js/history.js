// An alert history (episodes of a terminal or a store, newest first), paged by the API.
import { api } from './api.js';
import { el, fillTable, pager, showError } from './dom.js';
import { badge, storeLink, terminalLink, time, words } from './format.js';

export const HISTORY_HEAD = ['Raised', 'Type', 'Severity', 'Status', 'Terminal or store', 'Resolved', 'Acknowledged by'];

export function historyRow(alert) {
  return el('tr', { dataset: { alertId: alert.alertId, status: alert.status || '' } },
    el('td', {}, time(alert.raisedAt)),
    el('th', { scope: 'row' }, words(alert.type)),
    el('td', {}, badge('severity', alert.severity)),
    el('td', {}, badge('status', alert.status), alert.silenced ? ' (silenced)' : ''),
    el('td', {}, alert.poiid ? terminalLink(alert.poiid) : storeLink(alert.merchantAccount, alert.store)),
    el('td', {}, time(alert.resolvedAt)),
    el('td', {}, alert.acknowledgedBy || '\u2013'));
}

/** Loads page `page` of `path` (which already has its query) into `table`, with paging controls in `nav`. */
export function historyView(table, nav, path, size = 20) {
  const load = async (page) => {
    try {
      const answer = await api(`${path}${path.includes('?') ? '&' : '?'}page=${page}&size=${size}`);
      fillTable(table, (answer.items || []).map(historyRow), 'No alert in the kept history');
      pager(nav, answer, load);
    } catch (e) {
      showError(table, e);
    }
  };
  return load;
}
