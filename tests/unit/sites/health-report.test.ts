import { describe, expect, it, vi } from 'vitest';
import type { PageExtraction } from '@/lib/adapters/types';
import { createHealthReporter, EMPTY_SETTLE_MS, SETTLE_MS } from '@/lib/content/health-report';
import type { SendMessage } from '@/lib/messaging/client';

function setup() {
  const timers = new Map<number, { task: () => void; ms: number }>();
  let nextId = 1;
  const send = vi.fn(async () => null) as unknown as SendMessage & ReturnType<typeof vi.fn>;
  const observe = createHealthReporter({
    send,
    currentUrl: () => 'http://localhost:4321/accounts',
    setTimeout: (task, ms) => {
      timers.set(nextId, { task, ms });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id),
  });
  const fire = () => {
    const pending = [...timers.values()];
    timers.clear();
    pending.forEach(({ task }) => task());
    return pending.map(({ ms }) => ms);
  };
  return { observe, send, timers, fire };
}

const extraction = (n: number): PageExtraction => ({
  kind: 'list',
  customers: Array.from({ length: n }, (_, i) => ({
    anchor: {} as Element,
    snapshot: { crmId: String(i), name: `C${i}`, fields: { Plan: 'Pro', 'Monthly fee': '10' } },
  })),
});

describe('health reporter', () => {
  it('waits for the page to settle and sends one report for a burst of scans', () => {
    const { observe, send, timers, fire } = setup();
    observe(null);
    observe(extraction(1));
    observe(extraction(3));
    expect(timers.size).toBe(1);
    expect(fire()).toEqual([SETTLE_MS]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('reportPageHealth', {
      url: 'http://localhost:4321/accounts',
      kind: 'list',
      customers: 3,
      fields: ['Plan', 'Monthly fee'],
    });
  });

  it('says how the page’s dates were read, for Options to show the inferred order', () => {
    const { observe, send, fire } = setup();
    observe({ ...extraction(2), dateOrder: { order: 'mdy', source: 'language' } });
    fire();
    expect(send).toHaveBeenCalledWith('reportPageHealth', expect.objectContaining({ customers: 2, dateOrder: { order: 'mdy', source: 'language' } }));
  });

  it('reports an empty page too, after a longer wait', () => {
    const { observe, send, fire } = setup();
    observe(null);
    expect(fire()).toEqual([EMPTY_SETTLE_MS]);
    expect(send).toHaveBeenCalledWith('reportPageHealth', { url: 'http://localhost:4321/accounts', kind: null, customers: 0, fields: [] });
  });

  it('does not repeat an unchanged report', () => {
    const { observe, send, fire } = setup();
    observe(extraction(2));
    fire();
    observe(extraction(2));
    fire();
    observe(extraction(0));
    fire();
    expect(send).toHaveBeenCalledTimes(2);
  });
});
