import { describe, expect, it, vi } from 'vitest';
import type { PageExtraction } from '@/lib/adapters/types';
import { EMPTY_SETTLE_MS } from '@/lib/content/health-report';
import { createPageReporter } from '@/lib/content/page-report';

function setup() {
  let url = 'https://crm.test/customers';
  const timers = new Map<number, () => void>();
  let next = 1;
  const send = vi.fn(async () => null);
  const observe = createPageReporter({
    send: send as never,
    currentUrl: () => url,
    setTimeout: (task, ms) => {
      expect(ms).toBe(EMPTY_SETTLE_MS);
      timers.set(next, task);
      return next++;
    },
    clearTimeout: (id) => void timers.delete(id),
  });
  const fire = () => {
    for (const [id, task] of [...timers]) {
      timers.delete(id);
      task();
    }
  };
  return { observe, send, fire, go: (to: string) => void (url = to), pending: () => timers.size };
}

const extraction = (kind: 'list' | 'detail', ids: string[]) =>
  ({ kind, customers: ids.map((crmId) => ({ snapshot: { crmId } })) }) as unknown as PageExtraction;
const reports = (send: ReturnType<typeof vi.fn>) => send.mock.calls.map(([, report]) => report);

describe('page reporter', () => {
  it('reports a detail page’s customer at once, and a list once however often it is re-read', () => {
    const { observe, send, go } = setup();
    observe(extraction('list', ['a', 'b']));
    observe(extraction('list', ['a', 'b', 'c'])); // a virtualised list scrolled: same outcome
    go('https://crm.test/customers/a');
    observe(extraction('detail', ['a']));
    expect(reports(send)).toEqual([
      { url: 'https://crm.test/customers', kind: 'list', customers: 2, detailId: null, settled: false },
      { url: 'https://crm.test/customers/a', kind: 'detail', customers: 1, detailId: 'a', settled: false },
    ]);
  });

  it('an empty page is reported at once as not read yet, and as settled only if it stays empty', () => {
    const { observe, send, fire, go, pending } = setup();
    go('https://crm.test/dashboard');
    observe(null);
    expect(reports(send)).toEqual([{ url: 'https://crm.test/dashboard', kind: null, customers: 0, detailId: null, settled: false }]);
    observe(extraction('list', ['a'])); // rows arrived: no settled report
    expect(pending()).toBe(0);
    observe(null);
    fire();
    expect(reports(send).at(-1)).toEqual({ url: 'https://crm.test/dashboard', kind: null, customers: 0, detailId: null, settled: true });
  });
});
