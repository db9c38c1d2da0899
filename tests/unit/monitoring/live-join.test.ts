import { describe, expect, it } from 'vitest';
import type { CustomerRow, StoredLabel } from '@/lib/db/schema';
import { addBySite, addFirstScore, definitionOutcome, monitoringRecords, outcomesBySite, type BySite, type FirstScore } from '@/lib/monitoring/live-join';
import { MATURITY_DAYS, type KnownOutcome } from '@/lib/monitoring/live-performance';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const row = (crmId: string, over: Partial<CustomerRow> = {}): CustomerRow => ({
  site: 's',
  crmId,
  name: crmId,
  fields: {},
  firstSeen: T0 - DAY,
  lastSeen: T0 + 40 * DAY,
  lastObservedAt: T0 + 20 * DAY,
  observationCount: 2,
  ...over,
});
const label = (churned: boolean | null, firstChurned?: boolean): StoredLabel => ({
  version: 'v',
  churned,
  lastSeen: 0,
  activityCount: 0,
  ...(firstChurned === undefined ? {} : { firstChurned }),
});

describe('addFirstScore', () => {
  it("keeps each customer's first score by the model, in any order", () => {
    const first: BySite<FirstScore> = new Map();
    addFirstScore(first, 'm', { site: 's', crmId: 'a', modelId: 'm', scoredAt: T0 + 5 * DAY, probability: 0.9 });
    addFirstScore(first, 'm', { site: 's', crmId: 'a', modelId: 'm', scoredAt: T0, probability: 0.3 });
    addFirstScore(first, 'm', { site: 's', crmId: 'a', modelId: 'other', scoredAt: T0 - DAY, probability: 0.1 });
    addFirstScore(first, 'm', { site: 's', crmId: 'a', modelId: 'm', scoredAt: T0 + DAY, probability: 0.5 });
    expect(first.get('s')?.get('a')).toEqual({ scoredAt: T0, probability: 0.3 });
  });
});

describe('monitoringRecords', () => {
  it('takes a recorded outcome first, else the label, only when the score came before the outcome was known', () => {
    const rows = [row('a'), row('b', { lastObservedAt: T0 + 10 * DAY }), row('c'), row('d', { lastSeen: T0 + 7 * DAY }), row('e'), row('f'), row('g')];
    const labels = [label(false), label(true), label(false), label(false), undefined, label(true, true), label(null)];
    const first: BySite<FirstScore> = new Map();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) addBySite(first, 's', id, { scoredAt: id === 'b' ? T0 + 10 * DAY : T0, probability: 0.3 });
    const recorded = outcomesBySite(new Map([['s\u0000a', { kind: 'churned' as const, at: T0 + 20 * DAY }]]));
    expect(monitoringRecords(rows, labels, first, recorded)).toEqual([
      { scoredAt: T0, probability: 0.3, churned: true }, // a: recorded outcome wins over its label
      { scoredAt: T0, probability: 0.3, churned: false }, // c: retained, seen 40 days after
    ]);
    // b: scored when the churn showed; d: "not churned" a week later; e: no label; f: churned on arrival; g: unknown.
  });

  it('counts a retained customer seen exactly MATURITY_DAYS after the score', () => {
    const first: BySite<FirstScore> = new Map([['s', new Map([['d', { scoredAt: T0, probability: 0.2 }]])]]);
    const rows = [row('d', { lastSeen: T0 + MATURITY_DAYS * DAY })];
    expect(monitoringRecords(rows, [label(false)], first, new Map())).toHaveLength(1);
  });

  it('ignores customers without a first score by the model', () => {
    const recorded: BySite<KnownOutcome> = new Map();
    addBySite(recorded, 's', 'a', { churned: true, knownAt: T0 + DAY });
    expect(monitoringRecords([row('a')], [label(true)], new Map(), recorded)).toEqual([]);
  });
});

describe('definitionOutcome', () => {
  it('knows a churn at the first sighting when the first page showed it, else at the last observation', () => {
    expect(definitionOutcome(row('a'), label(true, true))).toEqual({ churned: true, knownAt: T0 - DAY });
    expect(definitionOutcome(row('a'), label(true, false))).toEqual({ churned: true, knownAt: T0 + 20 * DAY });
    expect(definitionOutcome(row('a'), label(false))).toEqual({ churned: false, knownAt: T0 + 40 * DAY });
    expect(definitionOutcome(row('a'), label(null))).toBeNull();
  });
});
