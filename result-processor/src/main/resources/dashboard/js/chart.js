// A bar chart as inline SVG, with the numbers also as text for screen readers.
import { words } from './format.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars, one per entry of `counts` ({label: number}), into a <figure>. */
export function bars(figure, counts, caption) {
  const entries = Object.entries(counts).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, count]) => count));
  const rowHeight = 26;
  const height = Math.max(1, entries.length) * rowHeight + 8;
  const chart = svg('svg', { viewBox: `0 0 480 ${height}`, width: '100%', role: 'img', 'aria-label': caption });
  if (!entries.length) chart.append(svg('text', { x: 4, y: 20, class: 'label' }, 'No results yet'));
  entries.forEach(([label, count], row) => {
    const y = row * rowHeight + 4;
    const width = Math.max(2, (count / max) * 250);
    chart.append(
      svg('text', { x: 0, y: y + 16, class: 'label' }, words(label)),
      svg('rect', { x: 170, y, width, height: rowHeight - 8, rx: 3, class: `bar outcome-${label.toLowerCase()}` }),
      svg('text', { x: 176 + width, y: y + 16, class: 'value' }, String(count)),
    );
  });
  const text = document.createElement('figcaption');
  text.textContent = caption;
  figure.replaceChildren(chart, text);
}
