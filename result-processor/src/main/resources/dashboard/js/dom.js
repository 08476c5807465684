// Small helpers for building markup from data without innerHTML, so no value is ever read as HTML.

/** el('td', {class: 'x'}, 'text', otherNode) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a table's body rows; an empty list shows one row saying so. */
export function fillTable(table, rows, emptyText) {
  const body = table.tBodies[0] || table.appendChild(el('tbody'));
  const columns = table.tHead ? table.tHead.rows[0].cells.length : 1;
  body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: columns, class: 'empty' }, emptyText))]));
}

/** Shows an error where the data would be (a table's body or any element), so a failed call never leaves the page silently stale. */
export function showError(target, error) {
  const message = el('span', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`);
  if (target instanceof HTMLTableElement) {
    const columns = target.tHead ? target.tHead.rows[0].cells.length : 1;
    (target.tBodies[0] || target.appendChild(el('tbody'))).replaceChildren(el('tr', {}, el('td', { colspan: columns }, message)));
  } else {
    target.replaceChildren(message);
  }
}

/** Paging controls for a list of `total` items: Previous, "x-y of n", Next. */
export function pager(container, { page, size, total }, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  container.replaceChildren(
    el('button', { type: 'button', class: 'prev', disabled: page <= 0, onclick: () => go(page - 1) }, 'Previous'),
    el('span', { class: 'range', 'aria-live': 'polite' }, `${first}\u2013${last} of ${total} (page ${page + 1} of ${pages})`),
    el('button', { type: 'button', class: 'next', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next'),
  );
}

/** The query string's parameters, and a way to change them without reloading. */
export function params() {
  return new URLSearchParams(location.search);
}

export function setParams(values) {
  const next = params();
  for (const [name, value] of Object.entries(values)) {
    if (value === '' || value === null || value === undefined) next.delete(name);
    else next.set(name, value);
  }
  history.replaceState(null, '', `${location.pathname}?${next}`);
}

export function query(values) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== '' && value !== null && value !== undefined) search.set(name, value);
  }
  return search.toString();
}
