// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { CrmAdapter } from '@/lib/adapters/types';
import { createBadgeRenderer, BADGE_HOST_ATTR, BADGE_STATE_ATTR } from '@/lib/content/badge';
import { privateRootOf } from '@/lib/content/private-root';
import { createScanner } from '@/lib/content/scanner';
import type { CustomerScore, CustomerSnapshot } from '@/lib/domain';
import { MessageError } from '@/lib/messaging/client';

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

const adapter: CrmAdapter = {
  id: 'test',
  matches: () => true,
  extract: (doc) => ({
    kind: 'list',
    // A row marked data-gone is still in the page but no longer a customer's (as a detail title after in-app navigation).
    customers: [...doc.querySelectorAll('tr:not([data-gone])')].map((tr) => ({
      snapshot: { crmId: tr.getAttribute('data-id')!, name: tr.querySelector('a')!.textContent!, fields: { Plan: tr.children[1]!.textContent! } },
      anchor: tr.querySelector('a')!,
    })),
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

function setup(send = vi.fn(async (_type: string, payload: { customers: CustomerSnapshot[] }) => ({ scores: payload.customers.map(scoreFor) }))) {
  const renderer = createBadgeRenderer({ doc: document, t: (key, subs) => `${key}:${(subs ?? []).join(',')}`, onActivate: vi.fn() });
  const scanner = createScanner({
    doc: document,
    currentUrl: () => new URL('http://crm.test/customers'),
    send: send as never,
    renderer,
    adapters: [adapter],
    nextFrame: () => Promise.resolve(),
  });
  return { scanner, send, renderer };
}

const badges = () => [...document.querySelectorAll(`[${BADGE_HOST_ATTR}]`)];
const tierOf = (host: Element) => privateRootOf(host)!.querySelector('button')!.dataset.tier;

describe('scanner', () => {
  it('draws one badge per customer, right after the name, with the tier from the background', async () => {
    renderList([
      { id: 'a', name: 'Ann', plan: 'Gold' },
      { id: 'b', name: 'Bob', plan: 'Basic' },
    ]);
    const { scanner, send, renderer } = setup();
    await scanner.scan();
    expect(send).toHaveBeenCalledTimes(1);
    expect(badges().map((b) => [b.getAttribute(BADGE_HOST_ATTR), tierOf(b)])).toEqual([
      ['a', '1'],
      ['b', '5'],
    ]);
    expect(badges()[0]!.previousElementSibling!.textContent).toBe('Ann');
    expect(renderer.anchorOf(badges()[1]!)).toBe(document.querySelectorAll('a')[1]); // the popover's name comes from it
  });

  it('does not duplicate badges or re-ask for unchanged customers on a re-scan', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scanner, send } = setup();
    await scanner.scan();
    await scanner.scan();
    expect(badges()).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('asks again for every customer after forget() (the site’s field mapping changed)', async () => {
    renderList([{ id: '1', name: 'Ann', plan: 'Basic' }]);
    const { scanner, send } = setup();
    await scanner.scan();
    await scanner.scan();
    expect(send).toHaveBeenCalledTimes(1);
    scanner.forget();
    await scanner.scan();
    expect(send).toHaveBeenCalledTimes(2);
    expect(badges()).toHaveLength(1);
  });

  it('after forget({ record: false }) asks for scores without recording once, then records as usual', async () => {
    renderList([{ id: '1', name: 'Ann', plan: 'Basic' }]);
    const { scanner, send } = setup();
    await scanner.scan();
    scanner.forget({ record: false });
    await scanner.scan();
    scanner.forget();
    await scanner.scan();
    expect(send.mock.calls.map(([, payload]) => (payload as { record?: boolean }).record)).toEqual([undefined, false, undefined]);
  });

  it('re-scores a customer whose fields changed and re-badges rows the CRM re-created', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scanner, send } = setup();
    await scanner.scan();
    renderList([{ id: 'a', name: 'Ann', plan: 'Basic' }]);
    await scanner.scan();
    expect(send).toHaveBeenCalledTimes(2);
    expect(badges().map(tierOf)).toEqual(['5']);
  });

  it('replaces a badge left on a recycled row for another customer', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scanner } = setup();
    await scanner.scan();
    const row = document.querySelector('tr')!;
    row.dataset.id = 'b';
    row.querySelector('a')!.textContent = 'Bob';
    await scanner.scan();
    expect(badges().map((b) => b.getAttribute(BADGE_HOST_ATTR))).toEqual(['b']);
  });

  it('takes away the badge of an element that is still in the page but no longer a customer’s', async () => {
    renderList([
      { id: 'a', name: 'Ann', plan: 'Gold' },
      { id: 'b', name: 'Bob', plan: 'Basic' },
    ]);
    const { scanner } = setup();
    await scanner.scan();
    document.querySelector('tr[data-id="b"]')!.setAttribute('data-gone', '');
    await scanner.scan();
    expect(badges().map((b) => b.getAttribute(BADGE_HOST_ATTR))).toEqual(['a']);
  });

  it('shows a failure badge with the reason when the background cannot score', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    const { scanner } = setup(vi.fn(async () => Promise.reject(new MessageError('storage', 'disk full'))));
    await scanner.scan();
    const button = privateRootOf(badges()[0]!)!.querySelector('button')!;
    expect(button.className).toContain('failed');
    expect(button.title).toContain('disk full');
  });

  it('marks only the rows the background left out as invalid, each with its reason; the rest of the page is scored', async () => {
    renderList([
      { id: 'a', name: 'Ann', plan: 'Gold' },
      { id: 'b', name: 'B'.repeat(600), plan: 'Gold' },
      { id: 'c', name: 'Cy', plan: 'Basic' },
    ]);
    // As the router answers: row 1 (as sent) dropped with its problem, the others scored.
    const send = vi.fn(async (_t: string, payload: { customers: CustomerSnapshot[] }) => ({
      scores: payload.customers.filter((_, i) => i !== 1).map(scoreFor),
      rejected: [{ index: 1, problem: 'name: Too big: expected string to have <=512 characters' }],
    }));
    const { scanner } = setup(send);
    await scanner.scan();
    expect(badges().map((b) => b.getAttribute(BADGE_STATE_ATTR))).toEqual(['scored', 'failed', 'scored']);
    expect(badges().map(tierOf)).toEqual(['1', undefined, '5']);
    expect(privateRootOf(badges()[1]!)!.querySelector('button')!.title).toContain('name: Too big');
  });

  it('renders names as text, never as HTML', async () => {
    renderList([{ id: 'a', name: '<img src=x onerror=alert(1)>', plan: 'Gold' }]);
    const { scanner } = setup();
    await scanner.scan();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('runs overlapping scan requests one after another, not in parallel', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    let inFlight = 0;
    let maxInFlight = 0;
    const send = vi.fn(async (_t: string, payload: { customers: CustomerSnapshot[] }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { scores: payload.customers.map(scoreFor) };
    });
    const { scanner } = setup(send);
    const first = scanner.scan();
    renderList([{ id: 'b', name: 'Bob', plan: 'Basic' }]);
    const second = scanner.scan();
    await Promise.all([first, second]);
    expect(maxInFlight).toBe(1);
    expect(badges().map((b) => b.getAttribute(BADGE_HOST_ATTR))).toEqual(['b']);
  });
});

describe('scanner, rows on screen first', () => {
  /** 300 rows of 30 px from the top of a 900 px viewport: rows 0..29 on screen. */
  function longList(rows = 300) {
    renderList(Array.from({ length: rows }, (_, i) => ({ id: `c${i}`, name: `C ${i}`, plan: i % 2 ? 'Basic' : 'Gold' })));
    for (const [i, tr] of [...document.querySelectorAll('tr')].entries()) {
      tr.getBoundingClientRect = () => ({ top: i * 30, bottom: (i + 1) * 30 }) as DOMRect;
    }
  }
  const reads: number[] = [];
  const planned: CrmAdapter = {
    id: 'planned',
    matches: () => true,
    extract: () => null,
    plan: (doc) => {
      const rows = [...doc.querySelectorAll('tr')];
      return {
        kind: 'list',
        size: rows.length,
        elementsOf: (index) => [rows[index]!],
        read: (index) => {
          reads.push(index);
          const tr = rows[index]!;
          return {
            snapshot: { crmId: tr.dataset.id!, name: tr.querySelector('a')!.textContent!, fields: { Plan: tr.children[1]!.textContent! } },
            anchor: tr.querySelector('a')!,
          };
        },
        dateOrder: () => undefined,
      };
    },
  };

  function plannedSetup() {
    reads.length = 0;
    const send = vi.fn(async (_type: string, payload: { customers: CustomerSnapshot[] }) => ({ scores: payload.customers.map(scoreFor) }));
    const renderer = createBadgeRenderer({ doc: document, t: (key) => key, onActivate: vi.fn() });
    const scanner = createScanner({
      doc: document,
      currentUrl: () => new URL('http://crm.test/customers'),
      send: send as never,
      renderer,
      adapters: [planned],
      nextFrame: () => Promise.resolve(),
      viewportHeight: () => 900,
    });
    const sentIds = () => send.mock.calls.map(([, payload]) => payload.customers.map((c) => c.crmId));
    return { scanner, send, sentIds };
  }

  it('reads, asks about and badges the rows on screen first; the rest follow in batches, all badged', async () => {
    longList();
    const { scanner, sentIds } = plannedSetup();
    await scanner.scan();
    const batches = sentIds();
    expect(batches[0]).toEqual(Array.from({ length: 30 }, (_, i) => `c${i}`));
    expect(batches.slice(1).map((ids) => ids.length)).toEqual([250, 20]);
    expect(reads.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(new Set(reads).size).toBe(300);
    expect(badges()).toHaveLength(300);
    expect(badges().every((b) => b.getAttribute(BADGE_STATE_ATTR) === 'scored')).toBe(true);
  });

  it('never shows a placeholder: a badge goes in with its score', async () => {
    renderList([{ id: 'a', name: 'Ann', plan: 'Gold' }]);
    let answer!: () => void;
    const send = vi.fn(
      (_type: string, payload: { customers: CustomerSnapshot[] }) =>
        new Promise<{ scores: CustomerScore[] }>((resolve) => (answer = () => resolve({ scores: payload.customers.map(scoreFor) }))),
    );
    const { scanner } = setup(send as never);
    const done = scanner.scan();
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    expect(badges()).toHaveLength(0);
    answer();
    await done;
    expect(badges().map((b) => b.getAttribute(BADGE_STATE_ATTR))).toEqual(['scored']);
  });

  it('a change inside a row re-reads and re-asks about that row only', async () => {
    longList();
    const { scanner, send, sentIds } = plannedSetup();
    await scanner.scan();
    send.mockClear();
    reads.length = 0;
    const cell = document.querySelectorAll('tr')[200]!.children[1]!;
    cell.textContent = 'Basic';
    await scanner.scan({ changed: [cell.firstChild!] });
    expect(reads).toEqual([200]);
    expect(sentIds()).toEqual([['c200']]);
    expect(tierOf(document.querySelector(`[${BADGE_HOST_ATTR}="c200"]`)!)).toBe('5');
  });

  it('a change outside the rows read reads the page again (nothing unchanged is asked about twice)', async () => {
    longList();
    const { scanner, send } = plannedSetup();
    await scanner.scan();
    send.mockClear();
    reads.length = 0;
    await scanner.scan({ changed: [document.querySelector('tbody')!] });
    expect(new Set(reads).size).toBe(300);
    expect(send).not.toHaveBeenCalled();
    expect(badges()).toHaveLength(300);
  });
});
