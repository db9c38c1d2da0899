// @vitest-environment happy-dom
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { CrmAdapter } from '../../../lib/adapters/types';
import { createBadgeRenderer, BADGE_HOST_ATTR, BADGE_STATE_ATTR } from '../../../lib/content/badge';
import { privateRootOf } from '../../../lib/content/private-root';
import { createIdleQueue, type IdleDeadlineLike } from '../../../lib/content/idle-queue';
import { BATCH_SIZE, createScanner, REASK_MS } from '../../../lib/content/scanner';
import type { VisibilityWatch } from '../../../lib/content/visibility';
import type { CustomerScore, CustomerSnapshot } from '../../../lib/domain';
import { MessageError } from '../../../lib/messaging/client';

/** A minimal CRM list: one row per customer, name link first. */
function renderList(rows: { id: string; name: string; plan: string }[]) {
  document.body.innerHTML = '<table><tbody></tbody></table>';
  const body = document.querySelector('tbody')!;
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.dataset.id = row.id;
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.textContent = row.name;
    name.append(link);
    const plan = document.createElement('td');
    plan.textContent = row.plan;
    tr.append(name, plan);
    body.append(tr);
  }
}

const readRow = (tr: Element) => ({
  snapshot: { crmId: tr.getAttribute('data-id')!, name: tr.querySelector('a')!.textContent!, fields: { Plan: tr.children[1]!.textContent! } },
  anchor: tr.querySelector('a')!,
});
/** Rows read, for the tests that check what is read when. */
const reads: Element[] = [];
const adapter: CrmAdapter = {
  id: 'test',
  matches: () => true,
  extract: (doc) => ({ kind: 'list', customers: [...doc.querySelectorAll('tr')].map(readRow) }),
  plan: (doc) => ({
    kind: 'list',
    rows: [...doc.querySelectorAll('tr')],
    read: (tr) => (reads.push(tr), readRow(tr)),
    adopt: (el) => el.localName === 'tr',
  }),
};

const scoreFor = (snapshot: CustomerSnapshot): CustomerScore => ({
  crmId: snapshot.crmId,
  probability: snapshot.fields.Plan === 'Basic' ? 0.8 : 0.05,
  tier: snapshot.fields.Plan === 'Basic' ? 5 : 1,
  reasons: [],
  script: { id: 's', text: 'Call them' },
  model: { id: 'm', name: 'Model', kind: 'logistic' },
  scoredAt: 0,
});

type Send = (type: string, payload: { customers: CustomerSnapshot[] }) => Promise<{ scores: CustomerScore[]; rejected?: number }>;

/** Idle periods on demand: `idle.run()` gives the queue one 50 ms idle period. */
function manualIdle() {
  const waiting: ((deadline: IdleDeadlineLike) => void)[] = [];
  const queue = createIdleQueue({ requestIdle: (run) => waiting.push(run), now: () => performance.now(), sliceMs: 1000 });
  return {
    queue,
    run: () => waiting.splice(0).forEach((run) => run({ timeRemaining: () => 50, didTimeout: false })),
    get waiting() {
      return waiting.length;
    },
  };
}

/**
 * The browser's visibility reports, by hand: `screen` picks the rows on screen among the watched ones;
 * `report()` tells the scanner (the browser does it after its next frame).
 */
function fakeVisibility(screen: (rows: readonly Element[]) => Element[]) {
  let onVisible: (rows: Element[]) => void = () => undefined;
  const watched = new Set<Element>();
  const fake = {
    screen,
    watched,
    report: () => onVisible(fake.screen([...watched])),
    factory: (callback: (rows: Element[]) => void): VisibilityWatch => {
      onVisible = callback;
      return { watch: (rows) => rows.forEach((row) => watched.add(row)), unwatch: (row) => watched.delete(row), reset: () => watched.clear() };
    },
  };
  return fake;
}

function setup(send: Send = vi.fn(async (_type: string, payload: { customers: CustomerSnapshot[] }) => ({ scores: payload.customers.map(scoreFor) })), visible: (rows: readonly Element[]) => Element[] = (rows) => [...rows]) {
  reads.length = 0;
  const renderer = createBadgeRenderer({ doc: document, t: (key, subs) => `${key}:${(subs ?? []).join(',')}`, onActivate: vi.fn() });
  const idle = manualIdle();
  const view = fakeVisibility(visible);
  let clock = 0;
  const scanner = createScanner({
    doc: document,
    currentUrl: () => new URL('http://crm.test/customers'),
    send: send as never,
    renderer,
    adapters: [adapter],
    idle: idle.queue,
    visibility: view.factory,
    // Time moves only when the scanner waits for it: a timer of `ms` passes `ms` at once.
    now: () => clock,
    setTimeout: (run, ms) => {
      clock += ms;
      queueMicrotask(run);
    },
  });
  /** Everything the scanner left for later: answers, idle slices, until nothing is left. */
  const settle = async () => {
    // Quiet for three rounds in a row: no idle work and no answer on the way (answers take a few ms here).
    for (let i = 0, quiet = 0; i < 500 && quiet < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 3));
      quiet = idle.waiting === 0 && idle.queue.size === 0 ? quiet + 1 : 0;
      idle.run();
    }
  };
  const scan = async () => {
    scanner.scan();
    view.report();
    await settle();
  };
  return { scanner, send: send as Mock<Send>, scan, settle, idle, view, tick: (ms: number) => (clock += ms) };
}
const badges = () => [...document.querySelectorAll(`[${BADGE_HOST_ATTR}]`)];
const tierOf = (host: Element) => privateRootOf(host)!.querySelector('button')!.dataset.tier;

describe('scanner', () => {
  it('draws one badge per customer, right after the name, with the tier from the background', async () => {
    renderList([
      { id: 'a', name: 'Ann', plan: 'Gold' },
      { id: 'b', name: 'Bob', plan: 'Basic' },
    ]);
    const { scan, send } = setup();
    await scan();
    expect(send).toHaveBeenCalledTimes(1);
    expect(badges().map((b) => [b.getAttribute(BADGE_HOST_ATTR), tierOf(b)])).toEqual([
      ['a', '1'],
      ['b', '5'],
    ]);
    expect(badges()[0]!.previousElementSibling!.textContent).toBe('Ann');
  });

  it('does not duplicate badges or re-ask for unchanged customers on a re-scan', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scan, send } = setup();
    await scan();
    await scan();
    expect(badges()).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again for every customer after forget() (the site’s field mapping changed)', async () => {
    renderList([{ id: '1', name: 'Ann', plan: 'Basic' }]);
    const { scan, send, scanner } = setup();
    await scan();
    await scan();
    expect(send).toHaveBeenCalledTimes(1);
    scanner.forget();
    await scan();
    expect(send).toHaveBeenCalledTimes(2);
    expect(badges()).toHaveLength(1);
  });

  it('re-scores a customer whose fields changed and re-badges rows the CRM re-created', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scan, send } = setup();
    await scan();
    renderList([{ id: 'a', name: 'Ann', plan: 'Basic' }]);
    await scan();
    expect(send).toHaveBeenCalledTimes(2);
    expect(badges().map(tierOf)).toEqual(['5']);
  });

  it('replaces a badge left on a recycled row for another customer', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scan } = setup();
    await scan();
    const row = document.querySelector('tr')!;
    row.dataset.id = 'b';
    row.querySelector('a')!.textContent = 'Bob';
    await scan();
    expect(badges().map((b) => b.getAttribute(BADGE_HOST_ATTR))).toEqual(['b']);
  });

  it('shows a failure badge with the reason when the background cannot score', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scan } = setup(vi.fn(async () => Promise.reject(new MessageError('storage', 'disk full'))));
    await scan();
    const button = privateRootOf(badges()[0]!)!.querySelector('button')!;
    expect(button.className).toContain('failed');
    expect(button.title).toContain('disk full');
  });

  it('renders names as text, never as HTML', async () => {
    renderList([{ id: 'a', name: '<img src=x onerror=alert(1)>', plan: 'Gold' }]);
    const { scan } = setup();
    await scan();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('sends a page’s batches one after another, never in parallel, and each at most BATCH_SIZE customers', async () => {
    renderList(Array.from({ length: BATCH_SIZE * 2 + 3 }, (_, i) => ({ id: `c${i}`, name: `C ${i}`, plan: 'Gold' })));
    let inFlight = 0;
    let maxInFlight = 0;
    const sizes: number[] = [];
    const send = vi.fn(async (_t: string, payload: { customers: CustomerSnapshot[] }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      sizes.push(payload.customers.length);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return { scores: payload.customers.map(scoreFor) };
    });
    const visibleTen = (rows: readonly Element[]) => rows.slice(0, 10);
    const { scan } = setup(send, visibleTen);
    await scan();
    expect(maxInFlight).toBe(1);
    // The rows on screen go first, on their own; the rest in full batches.
    expect(sizes).toEqual([10, BATCH_SIZE, BATCH_SIZE + 3 - 10]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(BATCH_SIZE * 2 + 3);
    expect(badges()).toHaveLength(BATCH_SIZE * 2 + 3);
  });
});

describe('scanner: the CRM does not feel it', () => {
  const twenty = () => renderList(Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: `C ${i}`, plan: i % 2 ? 'Basic' : 'Gold' })));
  const onScreen = (rows: readonly Element[]) => rows.slice(0, 5);

  it('reads only the rows on screen in the scan’s own task, and the rest in idle slices', async () => {
    twenty();
    const { scanner, settle, send, view } = setup(undefined, onScreen);
    scanner.scan();
    expect(reads).toHaveLength(0); // the scan's own task only finds the list and watches its rows
    expect(view.watched.size).toBe(20);
    view.report();
    expect(reads).toHaveLength(5);
    expect(view.watched.size).toBe(15); // a row read is not watched any more
    expect(badges()).toHaveLength(0); // drawn when the scores are back, not before
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(badges()).toHaveLength(5); // on screen: drawn as soon as the scores are back, without waiting for idle time
    expect(send).toHaveBeenCalledTimes(1);
    await settle();
    expect(reads).toHaveLength(20);
    expect(badges()).toHaveLength(20);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('re-reads only the rows the CRM changed in place, and asks only for those whose reading changed', async () => {
    twenty();
    const { scan, scanner, settle, send, tick } = setup(undefined, onScreen);
    await scan();
    tick(REASK_MS);
    reads.length = 0;
    const cell = document.querySelectorAll('tr')[12]!.children[1]!;
    cell.textContent = 'Basic';
    expect(scanner.rowsChanged([{ type: 'childList', target: cell, addedNodes: [cell.firstChild!] as unknown as NodeList }])).toBe(true);
    expect(reads).toHaveLength(0); // nothing is read in the CRM's mutation task
    await settle();
    expect(reads).toEqual([document.querySelectorAll('tr')[12]]);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.calls[2]![1].customers.map((c: CustomerSnapshot) => c.crmId)).toEqual(['c12']);
    expect(tierOf(badges()[12]!)).toBe('5');
  });

  it('takes a row appended to the list without finding the list again, and asks for a scan on any other change', async () => {
    twenty();
    const { scan, scanner, settle, send } = setup(undefined, onScreen);
    await scan();
    const body = document.querySelector('tbody')!;
    const row = body.querySelector('tr')!.cloneNode(true) as HTMLTableRowElement;
    row.dataset.id = 'new';
    row.querySelector('a')!.textContent = 'Newcomer';
    body.append(row);
    reads.length = 0;
    expect(scanner.rowsChanged([{ type: 'childList', target: body, addedNodes: [row] as unknown as NodeList }])).toBe(true);
    await settle();
    expect(reads).toEqual([row]);
    expect(send.mock.calls.at(-1)![1].customers.map((c: CustomerSnapshot) => c.crmId)).toEqual(['new']);
    expect(badges().map((b) => b.getAttribute(BADGE_HOST_ATTR))).toContain('new');
    const other = document.createElement('div');
    expect(scanner.rowsChanged([{ type: 'childList', target: document.body, addedNodes: [other] as unknown as NodeList }])).toBe(false);
  });

  it('asks again for a row the CRM keeps rewriting at most every REASK_MS, with its latest reading', async () => {
    twenty();
    const { scan, scanner, settle, send, tick } = setup(undefined, onScreen);
    await scan();
    tick(REASK_MS);
    const calls = send.mock.calls.length;
    const cell = document.querySelectorAll('tr')[4]!.children[1]!; // Gold
    const rewrite = async (plan: string, settled = true) => {
      cell.textContent = plan;
      scanner.rowsChanged([{ type: 'childList', target: cell, addedNodes: [cell.firstChild!] as unknown as NodeList }]);
      if (settled) await settle();
    };
    await rewrite('Basic'); // asked at once
    await rewrite('Silver', false); // within REASK_MS: waits…
    await rewrite('Premium'); // …and goes with the latest text when the time is up
    const asked = send.mock.calls.slice(calls).map((call) => call[1].customers.map((c: CustomerSnapshot) => `${c.crmId}:${c.fields.Plan}`));
    expect(asked).toEqual([['c4:Basic'], ['c4:Premium']]);
  });

  it('marks only the rows the background rejected as failed, and draws the rest of the batch', async () => {
    twenty();
    const send = vi.fn(async (_t: string, payload: { customers: CustomerSnapshot[] }) => ({
      scores: payload.customers.filter((c) => c.crmId !== 'c3').map(scoreFor),
      rejected: payload.customers.some((c) => c.crmId === 'c3') ? 1 : undefined,
    }));
    const { scan } = setup(send);
    await scan();
    const states = badges().map((b) => b.getAttribute(BADGE_STATE_ATTR));
    expect(states.filter((state) => state === 'failed')).toHaveLength(1);
    expect(badges()[3]!.getAttribute(BADGE_STATE_ATTR)).toBe('failed');
    expect(privateRootOf(badges()[3]!)!.querySelector('button')!.title).toContain('rejected');
    expect(states.filter((state) => state === 'scored')).toHaveLength(19);
  });
});

describe('scanner failures', () => {
  it('marks the rows of a message that failed as failed, with the reason', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scan } = setup(vi.fn(async () => Promise.reject(new MessageError('internal', 'worker restarted'))));
    await scan();
    expect(badges().map((b) => b.getAttribute(BADGE_STATE_ATTR))).toEqual(['failed']);
  });

  it('does not let a pending placeholder open anything', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const onActivate = vi.fn();
    const renderer = createBadgeRenderer({ doc: document, t: (key) => key, onActivate });
    const anchor = document.querySelector('a')!;
    renderer.reserve(anchor, 'a')!();
    (document.querySelector(`[${BADGE_HOST_ATTR}]`) as HTMLElement).click();
    expect(onActivate).not.toHaveBeenCalled();
    renderer.render(anchor, 'a', scoreFor({ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }));
    (document.querySelector(`[${BADGE_HOST_ATTR}]`) as HTMLElement).click();
    expect(onActivate).toHaveBeenCalledTimes(1);
  });
});
