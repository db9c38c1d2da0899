import { describe, expect, it, vi } from 'vitest';
import { isVolatileValue, mergeSnapshot, OBSERVATION_MIN_GAP_MS, OBSERVATION_REFRESH_MS, scoreWorthRecording } from '@/lib/db/merge';
import { withCarriedFields } from '@/lib/db/observation-batches';

const GAP = OBSERVATION_MIN_GAP_MS;

const site = 'http://crm.test';
const snapshot = (fields: Record<string, string>, name = 'Ada') => ({ crmId: 'c1', name, fields });

describe('mergeSnapshot', () => {
  it('creates a row and an observation for a new customer', () => {
    const { customer, observe } = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold' }), 1000);
    expect(observe).toBe(true);
    expect(customer).toMatchObject({ site, crmId: 'c1', name: 'Ada', fields: { Plan: 'Gold' }, firstSeen: 1000, lastSeen: 1000, observationCount: 1 });
  });

  it('keeps fields the current page does not show and lets new values win', () => {
    const first = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold', Tenure: '3 months' }), 1000).customer;
    const { customer, observe, observedFields } = mergeSnapshot(site, first, snapshot({ Plan: 'Silver' }), 1000 + GAP);
    expect(observe).toBe(true);
    expect(observedFields).toEqual({ Plan: 'Silver' }); // only what changed
    expect(customer.fields).toEqual({ Plan: 'Silver', Tenure: '3 months' });
    expect(customer.firstSeen).toBe(1000);
    expect(customer.lastSeen).toBe(1000 + GAP);
    expect(customer.observationCount).toBe(2);
  });

  it('does not record an unchanged sighting again until a day has passed', () => {
    const first = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold' }), 1000).customer;
    const soon = mergeSnapshot(site, first, snapshot({ Plan: 'Gold' }), 5000);
    expect(soon.observe).toBe(false);
    expect(soon.customer.observationCount).toBe(1);
    expect(soon.customer.lastSeen).toBe(5000);
    const later = mergeSnapshot(site, soon.customer, snapshot({ Plan: 'Gold' }), 1000 + OBSERVATION_REFRESH_MS);
    expect(later.observe).toBe(true);
    expect(later.customer.observationCount).toBe(2);
  });

  it('keeps the parsed monthly value in step with the fields', () => {
    const first = mergeSnapshot(site, undefined, snapshot({ 'Monthly fee': '$70.35' }), 1000).customer;
    expect(first.value).toBe(70.35);
    const raised = mergeSnapshot(site, first, snapshot({ 'Monthly fee': '$80' }), 2000).customer;
    expect(raised.value).toBe(80);
    const unreadable = mergeSnapshot(site, raised, snapshot({ 'Monthly fee': 'ask finance' }), 3000).customer;
    expect(unreadable.value).toBeUndefined();
  });

  it('treats a renamed customer as a change', () => {
    const first = mergeSnapshot(site, undefined, snapshot({}), 1000).customer;
    expect(mergeSnapshot(site, first, snapshot({}, 'Ada Lovelace'), 1000 + GAP).observe).toBe(true);
  });
});

describe('observation growth (issue 15, defect 7)', () => {
  it('folds changes seen within the gap into one later observation that stores each changed field', () => {
    let row = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold', Status: 'Active', Seats: '10' }), 0).customer;
    const observed: Record<string, string>[] = [];
    // The page rewrites Status and Seats every second for ten minutes.
    for (let t = 1000; t < GAP; t += 1000) {
      const step = mergeSnapshot(site, row, snapshot({ Plan: 'Gold', Status: t % 2000 ? 'At risk' : 'Active', Seats: String(t) }), t);
      if (step.observe) observed.push(step.observedFields);
      row = step.customer;
    }
    expect(observed).toEqual([]);
    expect(row.unobservedFields?.sort()).toEqual(['Seats', 'Status']);
    const next = mergeSnapshot(site, row, snapshot({ Plan: 'Gold' }), GAP);
    expect(next.observe).toBe(true);
    expect(next.observedFields).toEqual({ Status: row.fields.Status, Seats: row.fields.Seats });
    expect(next.customer.unobservedFields).toBeUndefined();
    expect(next.customer.observationCount).toBe(2);
  });

  it('a live "3 min ago" column never makes an observation but keeps its latest value on the row', () => {
    let row = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold', 'Last login': 'just now' }), 0).customer;
    let observations = 0;
    for (let minute = 1; minute <= 120; minute++) {
      const step = mergeSnapshot(site, row, snapshot({ Plan: 'Gold', 'Last login': `${minute} min ago` }), minute * 60_000);
      if (step.observe) observations++;
      row = step.customer;
    }
    expect(observations).toBe(0);
    expect(row.fields['Last login']).toBe('120 min ago');
  });

  it('bounds history: a row rewritten every second for an hour gives at most 7 observations', () => {
    let row = mergeSnapshot(site, undefined, snapshot({ Score: '0' }), 0).customer;
    let observations = 1;
    for (let t = 1000; t <= 60 * 60_000; t += 1000) {
      const step = mergeSnapshot(site, row, snapshot({ Score: String(t) }), t);
      if (step.observe) observations++;
      row = step.customer;
    }
    expect(observations).toBeLessThanOrEqual(1 + 60 / (GAP / 60_000));
    expect(observations).toBeGreaterThan(1);
  });

  it('tells clock values from customer values', () => {
    for (const value of ['3 min ago', '5 minutes ago', 'just now', 'yesterday', '3分钟前', '刚刚', 'about 2 hours ago'])
      expect(isVolatileValue(value, 1e12), value).toBe(true);
    for (const value of ['12 months', '3 months', 'Gold', '2024-03-05', '42', 'Month-to-month', 'Active'])
      expect(isVolatileValue(value, 1e12), value).toBe(false);
  });

  it('readers see every field at each sighting, new partial rows carried over old full ones', () => {
    const rows = withCarriedFields([
      { at: 3, fields: { Plan: 'Silver' } },
      { at: 1, fields: { Plan: 'Gold', Seats: '10' } },
      { at: 5, fields: {} },
    ]);
    expect(rows.map((r) => r.fields)).toEqual([
      { Plan: 'Gold', Seats: '10' },
      { Plan: 'Silver', Seats: '10' },
      { Plan: 'Silver', Seats: '10' },
    ]);
  });
});

describe('scoreWorthRecording', () => {
  const previous = { probability: 0.4, tier: 3 as const, modelId: 'm1', scoredAt: 0 };
  it('records the first score, a model change, a real move, or a daily refresh', () => {
    expect(scoreWorthRecording(undefined, { probability: 0.4, modelId: 'm1' }, 1)).toBe(true);
    expect(scoreWorthRecording(previous, { probability: 0.4, modelId: 'm2' }, 1)).toBe(true);
    expect(scoreWorthRecording(previous, { probability: 0.41, modelId: 'm1' }, 1)).toBe(true);
    expect(scoreWorthRecording(previous, { probability: 0.4, modelId: 'm1' }, OBSERVATION_REFRESH_MS)).toBe(true);
  });
  it('skips a repeat of the same score within a day', () => {
    expect(scoreWorthRecording(previous, { probability: 0.401, modelId: 'm1' }, 1000)).toBe(false);
  });
});

describe('mergeSightings', () => {
  const context = { site, pageKind: 'list' as const, url: 'http://crm.test/c', adapter: 'test', now: 5000 };
  it('merges a page of customers with what was stored, and observes only new or changed ones', async () => {
    const { mergeSightings } = await import('@/lib/db/merge');
    const stored = mergeSnapshot(site, undefined, { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }, 1000).customer;
    const { merged, changed, observations } = mergeSightings(
      context,
      [stored, undefined],
      [
        { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
        { crmId: 'b', name: 'Bob', fields: { Plan: 'Basic' } },
      ],
    );
    expect(merged.map((c) => c.crmId)).toEqual(['a', 'b']);
    expect(changed).toHaveLength(2);
    expect(observations.map((o) => o.crmId)).toEqual(['b']);
    expect(observations[0]).toMatchObject({ site, observedAt: 5000, pageKind: 'list', url: 'http://crm.test/c', adapter: 'test' });
  });

  it('merges a customer listed twice on one page into one row', async () => {
    const { mergeSightings } = await import('@/lib/db/merge');
    const { merged, changed } = mergeSightings(
      context,
      [undefined, undefined],
      [
        { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
        { crmId: 'a', name: 'Ann', fields: { Tenure: '2 months' } },
      ],
    );
    expect(changed).toHaveLength(1);
    expect(merged[0]!.fields).toEqual({ Plan: 'Gold', Tenure: '2 months' });
    expect(merged[1]).toBe(merged[0]);
  });
});

describe('applyScores', () => {
  it('appends history only for moved scores and stores the latest on the row', async () => {
    const { applyScores } = await import('@/lib/db/merge');
    const row = mergeSnapshot(site, undefined, snapshot({}), 1).customer;
    const reasons = [{ field: 'Plan', value: 'Gold', contribution: 0.7 }];
    const reasonsFor = vi.fn(() => reasons);
    const first = applyScores(site, [row], [{ crmId: 'c1', probability: 0.4, tier: 3, modelId: 'm' }], 10, reasonsFor);
    expect(first.history).toEqual([{ site, crmId: 'c1', scoredAt: 10, probability: 0.4, tier: 3, modelId: 'm', reasons }]);
    expect(first.updated[0]!.lastScore).toMatchObject({ probability: 0.4, scoredAt: 10 });
    const repeat = applyScores(site, first.updated, [{ crmId: 'c1', probability: 0.4, tier: 3, modelId: 'm' }], 20, reasonsFor);
    expect(repeat.history).toHaveLength(0);
    const ghost = applyScores(site, [], [{ crmId: 'zz', probability: 0.4, tier: 3, modelId: 'm' }], 20, reasonsFor);
    expect(ghost.history).toHaveLength(0);
    // Explanations cost time: only the one kept score was explained.
    expect(reasonsFor).toHaveBeenCalledTimes(1);
  });
});

describe('observation throttle and new knowledge', () => {
  it('records at once a field the customer never showed (a detail page right after the list)', () => {
    const listed = mergeSnapshot(site, undefined, snapshot({ Plan: 'Gold' }), 0).customer;
    const detail = mergeSnapshot(site, listed, snapshot({ Plan: 'Gold', Notes: 'asked about cancelling' }), 5_000);
    expect(detail.observe).toBe(true);
    expect(detail.observedFields).toEqual({ Notes: 'asked about cancelling' });
  });
});
