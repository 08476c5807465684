// How values read for a person: times relative and absolute, enum names in words, links to pages.
import { el } from './dom.js';

/** Epoch milliseconds or ISO-8601, as the API gives times. */
export function instant(value) {
  if (value === null || value === undefined || value === '') return null;
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function ago(value) {
  const date = instant(value);
  if (!date) return '\u2013';
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const words = Math.abs(seconds) < 60 ? `${Math.abs(seconds)} s`
    : Math.abs(seconds) < 3600 ? `${Math.round(Math.abs(seconds) / 60)} min`
      : Math.abs(seconds) < 86400 ? `${Math.round(Math.abs(seconds) / 3600)} h`
        : `${Math.round(Math.abs(seconds) / 86400)} d`;
  return seconds >= 0 ? `${words} ago` : `in ${words}`;
}

/** A <time> element: relative text, the exact moment in its title and datetime. */
export function time(value) {
  const date = instant(value);
  if (!date) return '\u2013';
  return el('time', { datetime: date.toISOString(), title: date.toLocaleString() }, ago(value));
}

/** PRINTER_FAULT and NoPaper alike become "Printer fault", "No paper"; OK stays OK. */
export function words(name) {
  if (!name) return '\u2013';
  const text = String(name);
  if (text === 'OK') return text;
  const spaced = /[a-z]/.test(text) ? text.replace(/([a-z])([A-Z])/g, '$1 $2') : text.replaceAll('_', ' ');
  return spaced.toLowerCase().replace(/\bsdk\b/g, 'SDK').replace(/^./, (c) => c.toUpperCase());
}

export function badge(kind, value) {
  return el('span', { class: `badge ${kind}-${String(value || 'unknown').toLowerCase()}` }, words(value));
}

export function terminalLink(poiid) {
  return poiid ? el('a', { href: `terminal.html?poiid=${encodeURIComponent(poiid)}` }, poiid) : '\u2013';
}

export function storeLink(merchantAccount, store) {
  if (!merchantAccount || !store) return merchantAccount || '\u2013';
  return el('a', { href: `store.html?${new URLSearchParams({ merchantAccount, store })}` }, `${merchantAccount} / ${store}`);
}

/** A store's health, the share of its terminals that are healthy (0 to 1). */
export function health(value) {
  return value === null || value === undefined ? '\u2013' : `${Math.round(value * 100)}%`;
}

export function percent(value) {
  return value === null || value === undefined ? '\u2013' : `${value}%`;
}

/** Active alerts as small badges, most severe first. */
export function alertBadges(alerts) {
  if (!alerts || !alerts.length) return '\u2013';
  const order = { CRITICAL: 0, WARNING: 1, INFO: 2 };
  return el('span', { class: 'badges' }, [...alerts]
    .sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3))
    .map((alert) => el('span', { class: `badge severity-${String(alert.severity).toLowerCase()}`, title: alert.summary || '' }, words(alert.type))));
}
