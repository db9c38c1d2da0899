import type { BrowserContext, Page } from '@playwright/test';
import { E2E_CLOSED_ROOTS_ATTR } from '../../lib/content/private-root';
import { summarizeTasks, TRACE_CATEGORIES, type TraceEvent } from '../../scripts/lib/trace-tasks';
import { expect, test } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/**
 * A hostile CRM page, in real Chromium, with the production behaviour of the
 * badges' shadow roots (closed: the e2e flavour opens them for other specs
 * unless the page carries E2E_CLOSED_ROOTS_ATTR):
 * HTML and script in names and notes, 100 KB cells, 10,000 rows, cells
 * rewritten every 100 ms, and a page that replays the extension's events and
 * tries to read what the extension drew. History growth under rewrites is
 * bounded by the background's throttling (helper "store", its own tests).
 *
 * The page must not feel the extension, measured as the bench measures it
 * (scripts/bench/page-load.ts, a CDP trace of the page's main thread): once
 * the list is found, while the rows are read in idle slices, the live cells
 * churn and a row appended later is badged, no task holds more than
 * EXTENSION_IN_TASK_LIMIT_MS of the extension's script. The bench's target
 * on an idle machine is 10 ms; this limit is the long-task threshold,
 * because CI runs on two loaded cores. Finding a 10,000-row list is still
 * one pass over its rows in one task (printed as "first scan"; see the
 * issue's closing note).
 */
const EXTENSION_IN_TASK_LIMIT_MS = 50;
/**
 * Rows badged (beyond the screen's) that show the idle reading goes on. All
 * 10,000 are read too, at the idle pace, which on a page never idle is slow
 * by design; waiting for the last one was most of this spec's 2.7 minutes.
 */
const PROGRESS_ROWS = 500;
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(d: object): Promise<{ result?: unknown }[]> };
};

/** Whether a live copy of the content script runs in the page's top frame (its flag is in the extension's isolated world). */
async function contentScriptRuns(context: BrowserContext, url: string): Promise<boolean> {
  return context.serviceWorkers()[0]!.evaluate(async (wanted) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === wanted);
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, func: () => '__churnRadarContentScript' in globalThis });
    return frame?.result === true;
  }, url);
}

const ROWS = 10_000;
const BIG_CELLS = 10;
const BIG_CELL_CHARS = 100_000;
const TICK_MS = 100;
const PATH = '/index.php';
/** Names the page renders as text; if anyone turned them into markup, `window.__pwned` would be set. */
const EVIL = [`<img src=x onerror="window.__pwned='img'">Evil Img Corp`, `<script>window.__pwned='script'</script>Evil Script Ltd`];

/** The page builds its own rows (textContent only: it shows the markup as text, as a CRM escaping it does). */
function hostilePage(): string {
  return `<!doctype html><html lang="en" ${E2E_CLOSED_ROOTS_ATTR}><head><meta charset="utf-8"><title>Accounts</title></head>
<body><h1>Accounts</h1>
<table class="list view"><thead><tr><th>Account Name</th><th>City</th><th>Monthly Charges</th><th>Notes</th><th>Last Activity</th></tr></thead><tbody id="rows"></tbody></table>
<script>
const EVIL = ${JSON.stringify(EVIL).replaceAll("<", "\\u003c")};
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

let fixtures: FixtureServer;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.serveHtml(PATH, hostilePage());
});
test.afterAll(async () => fixtures.close());

async function enableFixtureSite(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await page.evaluate((origin) => chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'enableSite', payload: { origin } }), fixtures.origin);
  expect(reply.ok, reply.error?.message).toBe(true);
  await page.close();
}

const WINDOW_MS = 2000;
/** The page's own 100 ms timer over WINDOW_MS, and its longest task: what a slowed page would show. */
const measure = (page: Page) =>
  page.evaluate(async ({ tick, window: span }) => {
    const w = window as unknown as { __ticks: number[]; __longTasks: { start: number; duration: number }[]; __pwned?: string };
    const from = performance.now();
    await new Promise((resolve) => setTimeout(resolve, span));
    const ticks = w.__ticks.filter((t) => t >= from).length;
    const longest = Math.max(0, ...w.__longTasks.filter((t) => t.start >= from).map((t) => t.duration));
    return { ticks, expected: Math.floor(span / tick), longest: Math.round(longest), pwned: w.__pwned ?? null };
  }, { tick: TICK_MS, window: WINDOW_MS });

/** A CDP trace of the page (the bench's categories), summarised per main-thread task when stopped. */
async function traceTasks(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream! });
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
      if (chunk.eof) break;
    }
    const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    return summarizeTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents, fixtures.origin, { fromStart: true });
  };
}

const scored = (page: Page) => page.locator('[data-churn-radar-badge][data-churn-radar-state="scored"]').count();
/** Hosts per state: every row gets one, and none stays pending. */
const states = (page: Page) =>
  page.evaluate(() => {
    const count: Record<string, number> = {};
    for (const host of document.querySelectorAll('[data-churn-radar-badge]')) {
      const state = host.getAttribute('data-churn-radar-state') ?? 'none';
      count[state] = (count[state] ?? 0) + 1;
    }
    return count;
  });

test('a hostile CRM page: 10,000 rows, 100 KB cells, live cells and replayed events neither stop the script, nor slow the page, nor read or inject anything', async ({ extension }) => {
  test.setTimeout(90_000);
  const { context, extensionId } = extension;
  // The page on its own first (the site is not enabled yet), then enabled: the script is injected into the open tab.
  const crm = await context.newPage();
  await crm.goto(`${fixtures.origin}${PATH}?module=Accounts&action=index`);
  const alone = await measure(crm);
  const started = Date.now();
  await enableFixtureSite(context, extensionId);
  await crm.bringToFront();
  // The rows on screen first; then the rest, read in idle slices (a page that is never idle gets one
  // slice of at most 5 ms every IDLE_TIMEOUT_MS): the reading goes on, whatever the page does.
  await expect(crm.locator('[data-churn-radar-badge="acc-0"][data-churn-radar-state="scored"]'))
    .toBeAttached({ timeout: 30_000 })
    .catch(async (error: unknown) => {
      // What the content script got to (its performance marks), for the failure report.
      console.log('hostile page, no first badge:', JSON.stringify(await states(crm)), JSON.stringify(await crm.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime), (m as PerformanceMark).detail]))));
      throw error;
    });
  const onScreenMs = Date.now() - started;
  // The first scan of the list (finding it: one pass over its 10,000 rows), from the content script's own mark.
  const firstScanMs = await crm.evaluate(() => Math.max(...performance.getEntriesByName('churn-radar:scanned').map((m) => ((m as PerformanceMark).detail as { syncMs: number }).syncMs)));
  // From here on, every task the extension adds is traced: the idle reading, the live cells, the appended row.
  const stopTrace = await traceTasks(context, crm);
  await expect.poll(async () => (await states(crm)).scored ?? 0, { timeout: 30_000, intervals: [500] }).toBeGreaterThanOrEqual(PROGRESS_ROWS);
  const progressMs = Date.now() - started;

  // A row appended while the live cells churn gets its badge (the list is not searched again: the row is taken into it).
  const appended = Date.now();
  await crm.evaluate((i) => (window as unknown as { __addRow(i: number): void }).__addRow(i), ROWS);
  await expect(crm.locator(`[data-churn-radar-badge="acc-${ROWS}"][data-churn-radar-state="scored"]`)).toBeAttached({ timeout: 20_000 });
  const appendedMs = Date.now() - appended;
  const withScript = await measure(crm);
  const tasks = await stopTrace();
  const drawn = await states(crm);
  console.log(
    `hostile page: ${ROWS} rows; first scan ${Math.round(firstScanMs)} ms; first badge ${onScreenMs} ms after enabling, ${PROGRESS_ROWS} badged after ${progressMs} ms, ${drawn.scored} after ${Date.now() - started} ms; appended row badged in ${appendedMs} ms; ` +
      `${WINDOW_MS / 1000} s of live cells: ${alone.ticks}/${alone.expected} ticks alone, ${withScript.ticks} with Churn Radar; longest task ${alone.longest} ms alone, ${withScript.longest} ms with it; ` +
      `extension script ${tasks?.extensionMs.toFixed(0)} ms in all, at most ${tasks?.longestExtensionInTaskMs.toFixed(1)} ms in one task`,
  );
  expect(tasks, 'the trace holds the page’s main thread').not.toBeNull();
  expect(tasks!.longestExtensionInTaskMs).toBeLessThanOrEqual(EXTENSION_IN_TASK_LIMIT_MS);
  // The page keeps its pace: its 100 ms timer fires (nearly) as often as without the extension.
  expect(withScript.ticks).toBeGreaterThanOrEqual(alone.ticks - 2);
  // The 100 KB notes are clamped at the adapter (issue 15): no row failed; none is left pending.
  expect(drawn.failed ?? 0).toBe(0);
  expect(drawn.pending ?? 0).toBe(0);

  // What the page can read: hosts without a shadow root, carrying the customer id and the state only.
  const seen = await crm.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-churn-radar-badge]')];
    return {
      hosts: hosts.length,
      open: hosts.filter((h) => h.shadowRoot !== null).length,
      attributes: [...new Set(hosts.flatMap((h) => h.getAttributeNames()))].sort(),
      text: document.body.innerText.includes('Churn risk') || document.body.innerText.includes('probability'),
    };
  });
  expect(seen.hosts).toBeGreaterThanOrEqual(PROGRESS_ROWS);
  expect(seen).toEqual({ hosts: seen.hosts, open: 0, attributes: ['data-churn-radar-badge', 'data-churn-radar-state'], text: false });

  // The badge of a customer whose name is markup opens (the click reaches the host) in a closed root.
  await crm.locator('[data-churn-radar-badge="acc-0"]').dispatchEvent('click');
  const popover = crm.locator('[data-churn-radar-popover="acc-0"]');
  await expect(popover).toBeAttached();
  expect(await popover.evaluate((host) => host.shadowRoot)).toBeNull();

  // The side panel shows that name as text.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByText(EVIL[0]!, { exact: false }).first()).toBeVisible({ timeout: 15_000 });
  expect(await panel.locator('img[src="x"]').count()).toBe(0);
  await panel.close();
  await crm.bringToFront();

  // The page replays the extension's events; the script keeps running (its badges and its flag stay).
  await crm.evaluate((id) => (window as unknown as { __attack(id: string): void }).__attack(id), extensionId);
  const before = await scored(crm);
  await crm.waitForTimeout(1000); // a copy that stopped would have removed its badges by now
  expect(await scored(crm)).toBeGreaterThanOrEqual(before);
  expect(await contentScriptRuns(context, crm.url())).toBe(true);
  expect(await crm.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
});
