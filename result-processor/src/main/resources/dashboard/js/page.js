// What every page shares: the site header with its navigation, who is signed in, and the live-connection indicator.
import { me } from './api.js';
import { session, signInConfig, signOut } from './auth.js';
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
    el('span', { id: 'who', class: 'who' }),
  );
  showWho();
}

/** Whether the caller holds a grant (alerts:operate, checks:run, ...); a page hides what they may not do. */
export async function may(grant) {
  try {
    return (await me()).permissions.includes(grant);
  } catch (e) {
    return false;
  }
}

async function showWho() {
  const node = document.getElementById('who');
  try {
    const caller = await me();
    const signedIn = session();
    const name = (signedIn && signedIn.name) || caller.subject;
    const seen = caller.scope.all ? 'whole fleet' : [...caller.scope.merchantAccounts, ...caller.scope.stores].join(', ') || 'nothing';
    node.replaceChildren(el('span', { class: 'who-name', title: `${caller.subject}: ${caller.permissions.join(', ')}; sees ${seen}` }, name));
    node.dataset.subject = caller.subject;
    if ((await signInConfig()).mode === 'oidc') {
      node.append(el('button', { type: 'button', class: 'sign-out', onclick: () => signOut() }, 'Sign out'));
    }
  } catch (e) {
    node.replaceChildren();
  }
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
