import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { countObservations, getCustomer, getCustomers, getObservations, getScoreHistory, writeBatch } from '@/lib/db/customers-repo';
import type { CustomerRow, ScoreRow } from '@/lib/db/schema';

let db: ChurnRadarDb;
let counter = 0;
beforeEach(() => {
  db = openDatabase({ name: `repo-${counter++}` });
});
afterEach(async () => {
  await db.delete();
});

const customer = (crmId: string, site = 'http://crm.test'): CustomerRow => ({
  site,
  crmId,
  name: crmId.toUpperCase(),
  fields: {},
  firstSeen: 1,
  lastSeen: 1,
  lastObservedAt: 1,
  observationCount: 1,
});
const score = (crmId: string, scoredAt: number, probability: number): ScoreRow => ({
  site: 'http://crm.test',
  crmId,
  scoredAt,
  probability,
  tier: 3,
  modelId: 'm',
  reasons: [],
});

describe('customers repository', () => {
  it('writes a batch of customers, observations and scores together', async () => {
    await writeBatch(db, {
      customers: [customer('a'), customer('b')],
      observations: [{ site: 'http://crm.test', crmId: 'a', observedAt: 1, pageKind: 'list', url: 'u', adapter: 't', name: 'A', fields: {} }],
      scores: [score('a', 1, 0.2)],
    });
    expect(await db.customers.count()).toBe(2);
    expect(await countObservations(db)).toBe(1);
    expect(await getObservations(db, 'http://crm.test', 'a')).toEqual([
      { site: 'http://crm.test', crmId: 'a', observedAt: 1, pageKind: 'list', url: 'u', adapter: 't', name: 'A', fields: {} },
    ]);
    expect(await db.scores.count()).toBe(1);
  });

  it('writes nothing when one part of a batch fails', async () => {
    const bad = { ...customer('c'), crmId: undefined as unknown as string };
    await expect(writeBatch(db, { customers: [customer('a'), bad], observations: [], scores: [score('a', 1, 0.2)] })).rejects.toThrow();
    expect(await db.customers.count()).toBe(0);
    expect(await db.scores.count()).toBe(0);
  });

  it('reads customers by site and id, keeping sites apart', async () => {
    await writeBatch(db, { customers: [customer('a'), customer('a', 'http://other.test')], observations: [], scores: [] });
    expect(await db.customers.count()).toBe(2);
    expect((await getCustomers(db, 'http://crm.test', ['a', 'zz'])).map((r) => r?.site)).toEqual(['http://crm.test', undefined]);
    expect(await getCustomer(db, 'http://other.test', 'a')).toMatchObject({ site: 'http://other.test' });
  });

  it('returns one customer’s score history oldest first, limited to the newest', async () => {
    await writeBatch(db, { customers: [], observations: [], scores: [score('a', 30, 0.3), score('a', 10, 0.1), score('b', 20, 0.9), score('a', 20, 0.2)] });
    expect((await getScoreHistory(db, 'http://crm.test', 'a')).map((s) => s.scoredAt)).toEqual([10, 20, 30]);
    expect((await getScoreHistory(db, 'http://crm.test', 'a', 2)).map((s) => s.scoredAt)).toEqual([20, 30]);
  });
});
