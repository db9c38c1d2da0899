import { describe, expect, it } from 'vitest';
import { resolveOutcomes } from '@/lib/experiments/customer-outcomes';
import { createLabelCaches } from '@/lib/experiments/label-cache';
import type { CustomerRow, EnrolmentRow } from '@/lib/db/schema';
import { DEFAULT_CHURN_DEFINITION } from '@/lib/indicators/types';

const DAY = 86_400_000;
const NOW = 40 * DAY;
const row = (crmId: string, status: string, over: Partial<CustomerRow> = {}): CustomerRow => ({
  site: 's',
  crmId,
  name: crmId,
  fields: { Status: status },
  firstSeen: 0,
  lastSeen: DAY,
  lastObservedAt: DAY,
  observationCount: 1,
  ...over,
});
const definition = { ...DEFAULT_CHURN_DEFINITION, statusValues: ['Churned'] };
const enrolments: EnrolmentRow[] = ['a', 'b', 'c'].map((crmId, i) => ({
  experimentId: 'x',
  site: 's',
  crmId,
  arm: i ? 'treatment' : 'control',
  enrolledAt: 0,
}));
const inputs = (rows: (CustomerRow | undefined)[], def = definition) => ({
  enrolments,
  rows,
  recorded: new Map(),
  activities: new Map(),
  definition: def,
  resolvers: new Map(),
  now: NOW,
});

describe('labels cached between views of the results', () => {
  it('gives the same outcomes with and without the cache, first view and re-read', () => {
    const rows = [row('a', 'Churned'), row('b', 'Active'), undefined];
    const plain = resolveOutcomes({ endsAt: NOW }, inputs(rows));
    expect(plain.map((c) => c.outcome)).toEqual(['churned', 'open', 'open']);
    const labels = createLabelCaches().forDefinition(definition);
    expect(resolveOutcomes({ endsAt: NOW }, { ...inputs(rows), labels })).toEqual(plain);
    expect(labels.size).toBe(2);
    expect(resolveOutcomes({ endsAt: NOW }, { ...inputs(rows), labels })).toEqual(plain);
  });

  it('works a label out again when the customer was seen since, on another day, or under another definition', () => {
    const caches = createLabelCaches();
    const labels = caches.forDefinition(definition);
    labels.set('k', row('a', 'Active'), NOW, false);
    expect(labels.get('k', row('a', 'Churned'), NOW + 1000)).toBe(false); // same sighting, same day: reused
    expect(labels.get('k', row('a', 'Churned', { lastSeen: 2 * DAY }), NOW)).toBeUndefined();
    expect(labels.get('k', row('a', 'Active', { activityCount: 3 }), NOW)).toBeUndefined();
    expect(labels.get('k', row('a', 'Active'), NOW + DAY)).toBeUndefined();
    expect(caches.forDefinition(definition).get('k', row('a', 'Active'), NOW)).toBe(false);
    expect(caches.forDefinition({ ...definition, statusValues: ['Lost'] }).get('k', row('a', 'Active'), NOW)).toBeUndefined();
  });

  it('follows a changed row to its new outcome through the cache', () => {
    const labels = createLabelCaches().forDefinition(definition);
    const before = [row('a', 'Active'), row('b', 'Active'), row('c', 'Active')];
    resolveOutcomes({ endsAt: NOW }, { ...inputs(before), labels });
    const after = [row('a', 'Churned', { lastSeen: 3 * DAY, lastObservedAt: 3 * DAY }), ...before.slice(1)];
    expect(resolveOutcomes({ endsAt: NOW }, { ...inputs(after), labels }).map((c) => c.outcome)).toEqual(['churned', 'open', 'open']);
  });
});
