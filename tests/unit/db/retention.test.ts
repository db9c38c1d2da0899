import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countObservations, writeBatch } from '@/lib/db/customers-repo';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { clampRetentionDays, pruneHistory } from '@/lib/db/retention';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
let db: ChurnRadarDb;
let counter = 0;
beforeEach(() => {
  db = openDatabase({ name: `retention-${counter++}` });
});
afterEach(async () => {
  await db.delete();
});

const obs = (crmId: string, daysAgo: number) => ({
  site: 's',
  crmId,
  observedAt: NOW - daysAgo * DAY,
  pageKind: 'list' as const,
  url: 'u',
  adapter: 'a',
  name: crmId,
  fields: {},
});

describe('retention window', () => {
  it('prunes old observations, scores, indicator and activity history, never customers or actions', async () => {
    await writeBatch(db, {
      customers: [{ site: 's', crmId: 'a', name: 'A', fields: {}, firstSeen: NOW - 900 * DAY, lastSeen: NOW, lastObservedAt: NOW, observationCount: 3 }],
      observations: [obs('a', 400), obs('b', 400), obs('a', 10)],
      scores: [
        { site: 's', crmId: 'a', scoredAt: NOW - 400 * DAY, probability: 0.1, tier: 1, modelId: 'm', reasons: [] },
        { site: 's', crmId: 'a', scoredAt: NOW - 5 * DAY, probability: 0.2, tier: 1, modelId: 'm', reasons: [] },
      ],
      activities: [
        { site: 's', crmId: 'a', id: 'old', kind: 'order', at: NOW - 800 * DAY, firstSeen: NOW - 800 * DAY, lastSeen: NOW - 700 * DAY },
        { site: 's', crmId: 'a', id: 'seen-again', kind: 'order', at: NOW - 800 * DAY, firstSeen: NOW - 800 * DAY, lastSeen: NOW - 1 * DAY },
      ],
      indicators: [
        { site: 's', crmId: 'a', computedAt: NOW - 400 * DAY, values: [], lifecycle: null, pattern: null },
        { site: 's', crmId: 'a', computedAt: NOW - 1 * DAY, values: [], lifecycle: null, pattern: null },
      ],
    });
    await db.actions.add({ site: 's', crmId: 'a', at: NOW - 900 * DAY, kind: 'called' });

    const pruned = await pruneHistory(db, 365, NOW);
    expect(pruned).toEqual({ observations: 2, scores: 1, indicators: 1, activities: 1 });
    expect(await countObservations(db)).toBe(1);
    expect(await db.scores.count()).toBe(1);
    expect((await db.activities.toArray()).map((a) => a.id)).toEqual(['seen-again']);
    expect(await db.customers.count()).toBe(1);
    expect(await db.actions.count()).toBe(1);
  });

  it('keeps the window between 30 days and 10 years', () => {
    expect(clampRetentionDays(365)).toBe(365);
    expect(clampRetentionDays(1)).toBe(30);
    expect(clampRetentionDays(100_000)).toBe(3650);
    expect(clampRetentionDays(Number.NaN)).toBe(365);
  });
});
