// Signing in. With an OIDC client configured on the processor (GET /api/sign-in says so) the pages sign in at
// the issuer with the authorization-code flow and PKCE (S256); otherwise api.js asks for the static token on a 401.
// Tokens stay in this tab's sessionStorage (gone when the tab closes; never in a URL or in localStorage) and
// are refreshed shortly before they expire; when that fails the page signs in again.

const SESSION_KEY = 'fleetdiag.session';
const PENDING_KEY = 'fleetdiag.signin';
// refresh this long before the access token expires, so a call never leaves with a token about to lapse
const REFRESH_EARLY_MS = 30_000;

let config = null;
let discovery = null;
let refreshing = null;
let timer = null;
const listeners = new Set();

/** How the processor wants the pages to sign in: {mode: 'oidc', issuer, clientId, scopes} or {mode: 'token'}. */
export function signInConfig() {
  config ||= fetch('/api/sign-in', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { mode: 'token' }))
    .catch(() => ({ mode: 'token' }));
  return config;
}

function provider(issuer) {
  discovery ||= fetch(`${issuer}/.well-known/openid-configuration`).then((response) => {
    if (!response.ok) throw new Error(`The sign-in provider ${issuer} did not answer its discovery document (HTTP ${response.status})`);
    return response.json();
  });
  return discovery;
}

function stored(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch (e) {
    return null;
  }
}

/** The signed-in session of this tab: {accessToken, refreshToken, idToken, expiresAt, name}, or null. */
export function session() {
  return stored(SESSION_KEY);
}

/** Called with the new session whenever the tokens change (a refresh, a sign-in), e.g. to reopen the event stream. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch (e) {
    return {};
  }
}

function redirectUri() {
  return `${window.location.origin}/dashboard/`;
}

function keep(answer, previous) {
  const id = answer.id_token || (previous && previous.idToken) || null;
  const who = claims(id || answer.access_token);
  const next = {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token || (previous && previous.refreshToken) || null,
    idToken: id,
    expiresAt: Date.now() + Number(answer.expires_in || 60) * 1000,
    name: who.name || who.preferred_username || who.sub || '',
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  schedule(next);
  for (const listener of listeners) listener(next);
  return next;
}

function schedule(current) {
  clearTimeout(timer);
  if (current.refreshToken) {
    timer = setTimeout(() => refresh().catch(() => signIn()), Math.max(1000, current.expiresAt - Date.now() - REFRESH_EARLY_MS));
  }
}

async function tokenCall(form) {
  const { clientId, issuer } = await signInConfig();
  const endpoints = await provider(issuer);
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error_description || answer.error || `HTTP ${response.status}`);
  return answer;
}

/** New tokens from the refresh token; one refresh at a time however many calls need it. */
export function refresh() {
  refreshing ||= (async () => {
    const current = session();
    if (!current || !current.refreshToken) throw new Error('No refresh token');
    return keep(await tokenCall({ grant_type: 'refresh_token', refresh_token: current.refreshToken }), current);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Leaves for the provider's sign-in page, to come back to this page; the promise never settles. */
export async function signIn() {
  const { clientId, issuer, scopes } = await signInConfig();
  const endpoints = await provider(issuer);
  const verifier = random();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = random();
  const nonce = random();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, nonce, returnTo: window.location.href }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope: scopes.join(' '),
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
  });
  window.location.assign(`${endpoints.authorization_endpoint}?${query}`);
  return new Promise(() => {});
}

/** Ends the session here and at the provider, then comes back to the dashboard (which signs in again). */
export async function signOut() {
  const current = session();
  sessionStorage.removeItem(SESSION_KEY);
  const { clientId, issuer } = await signInConfig();
  const endpoints = await provider(issuer);
  if (!endpoints.end_session_endpoint) {
    window.location.assign(redirectUri());
    return;
  }
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: redirectUri() });
  if (current && current.idToken) query.set('id_token_hint', current.idToken);
  window.location.assign(`${endpoints.end_session_endpoint}?${query}`);
}

/** The provider sent the browser back with a code: trade it (with the PKCE verifier) for tokens, then go where the person was. */
async function completeSignIn(url) {
  const pending = stored(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (url.searchParams.get('error')) {
    throw new Error(`Sign-in failed: ${url.searchParams.get('error_description') || url.searchParams.get('error')}`);
  }
  if (!pending || pending.state !== url.searchParams.get('state')) {
    throw new Error('Sign-in failed: the answer does not belong to a sign-in started in this tab');
  }
  const answer = await tokenCall({ grant_type: 'authorization_code', code: url.searchParams.get('code'),
    redirect_uri: redirectUri(), code_verifier: pending.verifier });
  if (answer.id_token && claims(answer.id_token).nonce !== pending.nonce) {
    throw new Error('Sign-in failed: the ID token was not issued for this sign-in');
  }
  keep(answer, null);
  const back = new URL(pending.returnTo, window.location.href);
  if (back.origin === window.location.origin && back.pathname !== url.pathname) {
    window.location.replace(back.href);
    await new Promise(() => {});
  }
  window.history.replaceState(null, '', back.origin === window.location.origin ? back.href : redirectUri());
}

let signedIn = null;

/**
 * Resolves once the page may call the API: at once without OIDC; with it, after finishing a sign-in the URL
 * brings back, refreshing an expired session, or leaving to sign in.
 */
export function ready() {
  signedIn ||= (async () => {
    const { mode } = await signInConfig();
    if (mode !== 'oidc') return;
    const url = new URL(window.location.href);
    if (url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'))) {
      await completeSignIn(url);
      return;
    }
    const current = session();
    if (current && current.expiresAt - Date.now() > REFRESH_EARLY_MS) {
      schedule(current);
      return;
    }
    try {
      await refresh();
    } catch (e) {
      await signIn();
    }
  })();
  return signedIn;
}

/** The bearer token to send: the OIDC access token when signed in, else the static token the person typed, if any. */
export function bearer(staticToken) {
  const current = session();
  return (current && current.accessToken) || staticToken || null;
}
