// What every page shares: the site header with its navigation, and the live-connection indicator.
import { el } from './dom.js';

const PAGES = [
  ['index.html', 'Fleet'],
  ['stores.html', 'Stores'],
  ['alerts.html', 'Alerts'],
];

/** Fills the page's <header> and marks the current page in the navigation. */
export function header(current) {
  const nav = el('nav', { 'aria-label': 'Dashboard' }, el('ul', {}, PAGES.map(([href, label]) =>
    el('li', {}, el('a', { href, 'aria-current': href === current ? 'page' : null }, label)))));
  document.querySelector('body > header').replaceChildren(
    el('a', { class: 'brand', href: 'index.html' }, 'fleetdiag'),
    nav,
    el('span', { id: 'live', class: 'live', role: 'status' }, ''),
  );
}

/** Shows whether the page receives live updates. */
export function liveState(state) {
  const node = document.getElementById('live');
  if (!node) return;
  node.textContent = { live: 'Live', reconnecting: 'Reconnecting\u2026', disconnected: 'Not live' }[state] || state;
  node.className = `live live-${state}`;
}

/** Runs `fn` at most once per `ms`, so a burst of events costs one reload of a view. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
}
