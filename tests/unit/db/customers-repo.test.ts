import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ChurnRadarDb } from '../../../lib/db/db';
import { getCustomer, getScoreHistory, recordScores, recordSightings } from '../../../lib/db/customers-repo';

let db: ChurnRadarDb;
let counter = 0;
beforeEach(() => {
  db = openDatabase({ name: `test-${counter++}` });
});
afterEach(async () => {
  await db.delete();
});

const context = (now: number) => ({ site: 'http://crm.test', pageKind: 'list' as const, url: 'http://crm.test/customers', adapter: 'test', now });

describe('recordSightings', () => {
  it('stores customers and observations and merges later sightings', async () => {
    await recordSightings(db, context(1000), [
      { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
      { crmId: 'b', name: 'Bob', fields: { Plan: 'Basic' } },
    ]);
    const merged = await recordSightings(db, { ...context(2000), pageKind: 'detail' }, [{ crmId: 'a', name: 'Ann', fields: { Tenure: '5 months' } }]);
    expect(merged[0]!.fields).toEqual({ Plan: 'Gold', Tenure: '5 months' });
    expect(await db.observations.count()).toBe(3);
    expect((await getCustomer(db, 'http://crm.test', 'a'))!.observationCount).toBe(2);
  });

  it('keeps sites apart: the same CRM id on two sites is two customers', async () => {
    await recordSightings(db, context(1), [{ crmId: 'a', name: 'Ann', fields: {} }]);
    await recordSightings(db, { ...context(2), site: 'http://other.test' }, [{ crmId: 'a', name: 'Anna', fields: {} }]);
    expect(await db.customers.count()).toBe(2);
    expect((await getCustomer(db, 'http://crm.test', 'a'))!.name).toBe('Ann');
  });

  it('merges a customer listed twice on one page into one row', async () => {
    const merged = await recordSightings(db, context(1), [
      { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
      { crmId: 'a', name: 'Ann', fields: { Tenure: '2 months' } },
    ]);
    expect(await db.customers.count()).toBe(1);
    expect(merged[0]!.fields).toEqual({ Plan: 'Gold', Tenure: '2 months' });
  });
});

describe('recordScores', () => {
  it('appends history only when the score moves and keeps the latest on the customer row', async () => {
    await recordSightings(db, context(1), [{ crmId: 'a', name: 'Ann', fields: {} }]);
    const score = (probability: number) => [{ crmId: 'a', probability, tier: 3 as const, modelId: 'm', reasons: [] }];
    await recordScores(db, 'http://crm.test', score(0.4), 10);
    await recordScores(db, 'http://crm.test', score(0.4), 20);
    await recordScores(db, 'http://crm.test', score(0.6), 30);
    const history = await getScoreHistory(db, 'http://crm.test', 'a');
    expect(history.map((h) => [h.scoredAt, h.probability])).toEqual([
      [10, 0.4],
      [30, 0.6],
    ]);
    expect((await getCustomer(db, 'http://crm.test', 'a'))!.lastScore).toMatchObject({ probability: 0.6, scoredAt: 30 });
  });

  it('ignores scores for customers that were never seen', async () => {
    await recordScores(db, 'http://crm.test', [{ crmId: 'ghost', probability: 0.5, tier: 3, modelId: 'm', reasons: [] }], 1);
    expect(await db.scores.count()).toBe(0);
  });
});
