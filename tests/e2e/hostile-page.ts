import type { Page } from '@playwright/test';
import { E2E_CLOSED_ROOTS_ATTR } from '@/lib/content/private-root';

/**
 * The hostile CRM page (tests/e2e/hostile.spec.ts, and its bench
 * scripts/bench/hostile.ts): markup and script in names and notes, 100 KB
 * cells, 10,000 rows, a live column rewritten every 100 ms, the page's own
 * timer ticks and long tasks recorded, and the attacks a page can try.
 */
export const ROWS = 10_000;
export const BIG_CELLS = 10;
export const BIG_CELL_CHARS = 100_000;
export const TICK_MS = 100;
export const PATH = '/index.php';
/** Names the page renders as text; if anyone turned them into markup, `window.__pwned` would be set. */
export const EVIL = [`<img src=x onerror="window.__pwned='img'">Evil Img Corp`, `<script>window.__pwned='script'</script>Evil Script Ltd`];

/** The page builds its own rows (textContent only: it shows the markup as text, as a CRM escaping it does). */
export function hostilePage(): string {
  return `<!doctype html><html lang="en" ${E2E_CLOSED_ROOTS_ATTR}><head><meta charset="utf-8"><title>Accounts</title></head>
<body><h1>Accounts</h1>
<table class="list view"><thead><tr><th>Account Name</th><th>City</th><th>Monthly Charges</th><th>Notes</th><th>Last Activity</th></tr></thead><tbody id="rows"></tbody></table>
<script>
const EVIL = ${JSON.stringify(EVIL).replaceAll('<', '\\u003c')};
const tbody = document.getElementById('rows');
const cell = (text) => { const td = document.createElement('td'); td.textContent = text; return td; };
function row(i) {
  const tr = document.createElement('tr');
  const name = document.createElement('td');
  const a = document.createElement('a');
  a.href = 'index.php?module=Accounts&action=DetailView&record=acc-' + i;
  a.textContent = i < EVIL.length ? EVIL[i] : 'Account ' + i;
  name.append(a);
  const notes = i >= 10 && i < 10 + ${BIG_CELLS} ? '<b onmouseover="window.__pwned=1">' + 'x'.repeat(${BIG_CELL_CHARS}) : 'Renewal <i>talk</i> ' + i;
  tr.append(name, cell(['Portland', 'Austin', 'Berlin'][i % 3]), cell('$' + (20 + (i % 90)) + '.00'), cell(notes), cell('1 min ago'));
  return tr;
}
const frag = document.createDocumentFragment();
for (let i = 0; i < ${ROWS}; i++) frag.append(row(i));
tbody.append(frag);
window.__ticks = [];
let n = 0;
// A live column: the first 50 rows' last cell rewritten every ${TICK_MS} ms.
setInterval(() => {
  window.__ticks.push(performance.now());
  n++;
  for (let i = 0; i < 50; i++) tbody.rows[i].cells[4].textContent = (n + i) + ' s ago';
}, ${TICK_MS});
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
window.__addRow = (i) => tbody.append(row(i));
// Everything a page can try against the content script, given the extension id (public for a listed extension).
window.__seen = [];
window.__attack = (extensionId) => {
  const started = extensionId + ':crm:wxt:content-script-started';
  const location = extensionId + ':crm:wxt:locationchange';
  for (let k = 0; k < 100; k++) {
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'crm', messageId: 'page-' + k } }));
    document.body.dispatchEvent(new CustomEvent(started, { bubbles: true, detail: { contentScriptName: 'crm', messageId: 'b' + k } }));
    window.postMessage({ type: started, contentScriptName: 'crm', messageId: 'pm-' + k }, '*');
    window.dispatchEvent(new CustomEvent(location, { detail: { newUrl: 'https://evil.example/' } }));
    window.postMessage({ channel: 'churn-radar-control', type: 'stop' }, '*');
    document.dispatchEvent(new CustomEvent('churn-radar-control', { detail: { type: 'stop' } }));
  }
};
</script></body></html>`;
}

/** The page's own 100 ms timer over 3 s, and its longest task: what a slowed page would show. */
export const measure = (page: Page) =>
  page.evaluate(async (tick) => {
    const w = window as unknown as { __ticks: number[]; __longTasks: { start: number; duration: number }[]; __pwned?: string };
    const from = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const ticks = w.__ticks.filter((t) => t >= from).length;
    const longest = Math.max(0, ...w.__longTasks.filter((t) => t.start >= from).map((t) => t.duration));
    return { ticks, expected: Math.floor(3000 / tick), longest: Math.round(longest), pwned: w.__pwned ?? null };
  }, TICK_MS);
