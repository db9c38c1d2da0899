import { describe, expect, it } from 'vitest';
import { buildWorklist, median, quadrantOf } from '@/lib/agent/worklist';
import type { ActionRow, CustomerRow, OverrideRow } from '@/lib/db/schema';

const HOUR = 3_600_000;
const customer = (crmId: string, tier: 1 | 2 | 3 | 4 | 5, probability: number, extra: Partial<CustomerRow> = {}): CustomerRow => ({
  site: 's',
  crmId,
  name: crmId.toUpperCase(),
  fields: { Owner: crmId === 'b' ? 'Lee' : 'Kim' },
  firstSeen: 0,
  lastSeen: 0,
  lastObservedAt: 0,
  observationCount: 1,
  lastScore: { probability, tier, modelId: 'm', scoredAt: 10 * HOUR },
  atRiskSince: 10 * HOUR,
  ...extra,
});
const due = { '5': 24, '4': 72, '3': 168 };

describe('worklist', () => {
  it('lists at-risk customers by expected loss, those without a value last, with due times by tier', () => {
    const items = buildWorklist(
      [customer('a', 4, 0.5, { value: 100 }), customer('b', 5, 0.8, { value: 20 }), customer('c', 3, 0.3), customer('d', 2, 0.2, { value: 999 })],
      new Map(),
      new Map(),
      due,
      {},
    );
    expect(items.map((i) => [i.crmId, i.expectedLoss])).toEqual([
      ['a', 50],
      ['b', 16],
      ['c', null],
    ]);
    expect(items.find((i) => i.crmId === 'b')!.dueAt).toBe(10 * HOUR + 24 * HOUR);
    expect(items.find((i) => i.crmId === 'c')!.dueAt).toBe(10 * HOUR + 168 * HOUR);
  });

  it('filters by owner and tier, counts pinned tiers, and shows an action taken since the customer became at risk', () => {
    const pinned = new Map<string, OverrideRow>([['s\u0000d', { site: 's', crmId: 'd', tier: 5, reason: 'CEO complained', at: 0, expiresAt: 1e15 }]]);
    const actions = new Map<string, ActionRow>([
      ['s\u0000a', { site: 's', crmId: 'a', at: 11 * HOUR, kind: 'called' }],
      ['s\u0000b', { site: 's', crmId: 'b', at: 1 * HOUR, kind: 'emailed' }],
    ]);
    const all = [customer('a', 4, 0.5), customer('b', 5, 0.8), customer('d', 2, 0.2)];
    const items = buildWorklist(all, pinned, actions, due, {});
    expect(items.find((i) => i.crmId === 'd')).toMatchObject({ tier: 5, overridden: true });
    expect(items.find((i) => i.crmId === 'a')!.lastAction).toEqual({ kind: 'called', at: 11 * HOUR });
    // An action before the customer became at risk does not count.
    expect(items.find((i) => i.crmId === 'b')!.lastAction).toBeNull();
    expect(buildWorklist(all, pinned, actions, due, { owner: 'Lee' }).map((i) => i.crmId)).toEqual(['b']);
    expect(buildWorklist(all, pinned, actions, due, { tiers: [4] }).map((i) => i.crmId)).toEqual(['a']);
  });

  it('places customers in the risk × value grid around the median value', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(quadrantOf(5, 100, 50)).toBe('high-risk-high-value');
    expect(quadrantOf(4, 10, 50)).toBe('high-risk-low-value');
    expect(quadrantOf(3, 50, 50)).toBe('low-risk-high-value');
    expect(quadrantOf(1, 1, 50)).toBe('low-risk-low-value');
    expect(quadrantOf(5, undefined, 50)).toBeNull();
  });
});
