// The REST API as the pages call it, always with the credential in the Authorization header. Signed in with
// OIDC (auth.js) the access token is sent, refreshed on a 401 and signed in anew when that fails; with a
// static token set on the processor every call answers 401 until the page has it: the person is asked
// once, and the token is kept for this tab only.
import { bearer, onSessionChange, ready, refresh, signIn, signInConfig } from './auth.js';

const TOKEN_KEY = 'fleetdiag.token';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let asking = null;

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function authorized(headers) {
  const credential = bearer(token());
  return credential ? { ...headers, Authorization: `Bearer ${credential}` } : headers;
}

/** After a 401: new tokens (OIDC: refreshed, or the page leaves to sign in again) or the static token asked for again. */
async function reauthenticate() {
  if ((await signInConfig()).mode === 'oidc') {
    try {
      await refresh();
    } catch (e) {
      await signIn();
    }
    return;
  }
  await askForToken(token() ? 'The processor refused that token.' : '');
}

/**
 * GET (or, with a body, POST) a JSON resource; a 401 gets a new credential and tries again (a freshly signed-in
 * token that is refused once more is an error to show, not a loop).
 */
export async function api(path, { method, body } = {}, renewed = false) {
  await ready();
  const headers = authorized({ Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) });
  const response = await fetch(path, {
    method: method || (body === undefined ? 'GET' : 'POST'),
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const oidc = (await signInConfig()).mode === 'oidc';
  if (response.status === 401 && !(oidc && renewed)) {
    await reauthenticate();
    return api(path, { method, body }, true);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(response.status, `${path} did not answer JSON (HTTP ${response.status})`);
  }
  if (!response.ok) throw new ApiError(response.status, (json && json.error) || `HTTP ${response.status}`);
  return json;
}

/** Every item of a paged list, asked for page by page (500 is the API's largest page). */
export async function allItems(path) {
  const items = [];
  for (let page = 0; ; page += 1) {
    const answer = await api(`${path}${path.includes('?') ? '&' : '?'}page=${page}&size=500`);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) {
      return items;
    }
  }
}

/** A paged list as the API answers it, or a plain array (e.g. every active alert, filtered here) made into one page. */
export function paged(answer, page = 0, size = Infinity) {
  if (Array.isArray(answer)) {
    const from = page * size;
    return { page, size, total: answer.length, items: size === Infinity ? answer : answer.slice(from, from + size) };
  }
  return answer;
}

let caller = null;

/** Who the processor says the caller is: {subject, permissions: [grant names], scope}; asked once per page. */
export function me() {
  caller ||= api('/api/me');
  return caller;
}

/** One server-sent event block ("event: x", "data: y" lines) as [type, data]; comments and unknown shapes give null. */
function parseEvent(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  try {
    return [type, JSON.parse(data.join('\n'))];
  } catch (e) {
    return null;
  }
}

/**
 * Server-sent events read with fetch, so the credential goes in the Authorization header like every other
 * call (an EventSource cannot send headers, and a token in the URL would end up in logs and history). The
 * stream is opened again after a drop, and with new tokens, so it never outlives the credential it was opened with.
 */
export function events(onEvent, onState) {
  let controller = null;
  let closed = false;
  let retry = null;
  const again = (ms) => {
    clearTimeout(retry);
    if (!closed) retry = setTimeout(open, ms);
  };
  async function open() {
    if (controller) controller.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      await ready();
      const response = await fetch('/events', { headers: authorized({ Accept: 'text/event-stream' }), signal: mine.signal, cache: 'no-store' });
      if (response.status === 401) {
        onState('disconnected');
        await reauthenticate();
        again(2000);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = (buffer + value).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event) onEvent(...event);
        }
      }
    } catch (e) {
      if (mine.signal.aborted) return;
    }
    if (controller !== mine || closed) return;
    onState('reconnecting');
    again(2000);
  }
  const forget = onSessionChange(() => again(0));
  open();
  return () => {
    closed = true;
    forget();
    clearTimeout(retry);
    if (controller) controller.abort();
  };
}

function askForToken(problem) {
  if (asking) return asking;
  asking = new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'token';
    dialog.setAttribute('aria-labelledby', 'token-title');
    dialog.innerHTML = `
      <form method="dialog">
        <h2 id="token-title">Bearer token</h2>
        <p>This processor needs its API token (<code>FLEETDIAG_HTTP_TOKEN</code>). It is kept in this tab only.</p>
        <p class="problem" role="alert"></p>
        <label for="token-input">Token</label>
        <input id="token-input" name="token" type="password" autocomplete="off" required>
        <button type="submit">Use token</button>
      </form>`;
    dialog.querySelector('.problem').textContent = problem;
    document.body.append(dialog);
    dialog.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, dialog.querySelector('input').value.trim());
      dialog.close();
      dialog.remove();
      asking = null;
      resolve();
    });
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.showModal();
  });
  return asking;
}
