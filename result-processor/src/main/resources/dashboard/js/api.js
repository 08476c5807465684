// The REST API as the pages call it. With a bearer token set on the processor every call answers 401
// until the page has the token: the person is asked once, and the token is kept for this tab only.

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

/** GET (or, with a body, POST) a JSON resource; a 401 asks for the token and tries again. */
export async function api(path, { method, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: method || (body === undefined ? 'GET' : 'POST'),
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    await askForToken(token() ? 'The processor refused that token.' : '');
    return api(path, { method, body });
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

/** Server-sent events; EventSource cannot send headers, so the token goes in the query. */
export function events(onEvent, onState) {
  let source;
  const open = () => {
    const url = token() ? `/events?access_token=${encodeURIComponent(token())}` : '/events';
    source = new EventSource(url);
    source.onopen = () => onState('live');
    for (const type of ['alert', 'store', 'fleet']) {
      source.addEventListener(type, (event) => {
        let data = null;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        onEvent(type, data);
      });
    }
    source.onerror = async () => {
      if (source.readyState !== EventSource.CLOSED) {
        onState('reconnecting');
        return;
      }
      onState('disconnected');
      // a closed stream may mean the token is missing: a fetch finds out and asks for it
      try {
        await api('/api/fleet');
        setTimeout(open, 2000);
      } catch (e) {
        onState('disconnected');
      }
    };
  };
  open();
  return () => source.close();
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
