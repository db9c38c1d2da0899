import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelHandlers, modelFileName } from '@/lib/background/model-handlers';
import { ModelManagementError } from '@/lib/background/model-errors';
import { createModelProvider, type ModelProvider } from '@/lib/background/model-provider';
import { SCORECARD_KEY } from '@/lib/background/stored-scorecard';
import { HandlerError } from '@/lib/background/router';
import { parseCsv } from '@/lib/data/csv';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import type { BackgroundEvent } from '@/lib/messaging/protocol';
import { parseModelArtifact } from '@/lib/model/artifact';
import { DEFAULT_SCORECARD } from '@/lib/model/scorecard';
import { createScorer } from '@/lib/model/scorer';
import { trainModel } from '@/lib/model/train';
import type { ModelArtifact } from '@/lib/model/types';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';

/** Bundled Telco model, a retrained Telco model (same columns), and a model on other columns (a "shoppers" stand-in). */
let telco: ModelArtifact;
let telco2: ModelArtifact;
let other: ModelArtifact;
let db: ChurnRadarDb;
let provider: ModelProvider;
let clock: number;
let counter = 0;

beforeAll(async () => {
  const table = parseCsv(readFileSync('tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', 'utf8'));
  const rows = table.rows.slice(0, 600);
  ({ artifact: telco } = await trainModel({
    rows,
    columns: table.columns,
    label: 'Churn',
    folds: 2,
    name: 'Bundled telco',
    trainedBy: 'vitest',
    source: 'fixture',
  }));
  telco2 = { ...structuredClone(telco), id: 'telco-v2', name: 'Telco v2' };
  const renamed = rows.map((r) => ({ x_tenure: r.tenure!, x_contract: r.Contract!, churned: r.Churn! }));
  ({ artifact: other } = await trainModel({
    rows: renamed,
    columns: ['x_tenure', 'x_contract', 'churned'],
    label: 'churned',
    folds: 2,
    name: 'Other columns',
    trainedBy: 'vitest',
    source: 'fixture',
  }));
}, 120_000);

beforeEach(() => {
  db = openDatabase({ name: `management-${counter++}` });
  clock = 1_000;
  provider = createModelProvider({
    db,
    loadBundled: async () => [structuredClone(telco), structuredClone(other)],
    parse: parseModelArtifact,
    createScorer,
    now: () => clock,
    later: () => undefined,
  });
});
afterEach(async () => {
  await db.delete();
});

const ids = async () => (await provider.actives()).map((s) => s.artifact.id);

describe('model provider: the active set', () => {
  it('lists bundled models as active, in service order, with origin and inputs', async () => {
    const list = await provider.list();
    expect(list.activeIds).toEqual([telco.id, other.id]);
    expect(list.inUse).toBe('models');
    expect(list.models.map((m) => [m.name, m.active, m.origin])).toEqual([
      ['Bundled telco', true, 'bundled'],
      ['Other columns', true, 'bundled'],
    ]);
    expect(list.models[1]!.inputs).toEqual(['x_tenure', 'x_contract']);
    expect(list.models[0]!.rollbackTo).toBeNull();
  });

  it('activating a retrained model replaces the model with the same columns only, and rolling back restores it', async () => {
    await provider.store(telco2, 'trained', telco.id);
    // A new version scores no site until assigned: on the demo CRM it takes its predecessor's place.
    await provider.assignSites(telco2.id, [DEMO_CRM_ORIGIN]);
    clock = 2_000;
    const activated = await provider.activate(telco2.id);
    expect(activated.activeIds).toEqual([telco2.id, other.id]);
    expect(activated.history).toEqual([{ at: 2_000, action: 'activate', activated: telco2.id, replaced: telco.id }]);
    expect(await ids()).toEqual([telco2.id, other.id]);
    const summary = activated.models.find((m) => m.id === telco2.id)!;
    expect(summary).toMatchObject({ active: true, origin: 'trained', parent: telco.id, rollbackTo: telco.id });

    clock = 3_000;
    const rolledBack = await provider.rollback(telco2.id);
    expect(rolledBack.activeIds).toEqual([telco.id, other.id]);
    expect(rolledBack.history.at(-1)).toEqual({ at: 3_000, action: 'rollback', activated: telco.id, replaced: telco2.id });
    expect(await ids()).toEqual([telco.id, other.id]);
  });

  it('rolling back a model that replaced nothing deactivates it; with no model left the starter scorecard scores', async () => {
    await provider.rollback(other.id);
    await provider.rollback(telco.id);
    const list = await provider.list();
    expect(list.activeIds).toEqual([]);
    expect(list.inUse).toBe('scorecard');
    const [scorer] = await provider.actives();
    expect(scorer!.artifact.kind).toBe('scorecard');
    expect((await provider.info())!.kind).toBe('scorecard');
  });

  it('scores with the stored scorecard weights, and the default when they no longer parse', async () => {
    await provider.rollback(other.id);
    await provider.rollback(telco.id);
    const card = { ...DEFAULT_SCORECARD, intercept: 2 };
    await db.meta.put({ key: SCORECARD_KEY, value: card });
    provider.invalidate();
    const [custom] = await provider.actives();
    // Nothing known about the customer: only the intercept counts.
    expect(custom!.predict([{}])[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 5);
    await db.meta.put({ key: SCORECARD_KEY, value: { rules: 'broken' } });
    provider.invalidate();
    const [fallback] = await provider.actives();
    expect(fallback!.predict([{}])[0]).toBeCloseTo(1 / (1 + Math.exp(1.5)), 5);
  });

  it('refuses to delete an active model, deletes an inactive one, and says when an id is unknown', async () => {
    await expect(provider.remove(telco.id)).rejects.toMatchObject({ code: 'bad-request' });
    await provider.store(telco2, 'imported', null);
    expect((await provider.remove(telco2.id)).models.map((m) => m.id)).not.toContain(telco2.id);
    await expect(provider.activate('nope')).rejects.toBeInstanceOf(ModelManagementError);
    await expect(provider.rollback(telco2.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('stores a model once: the same id again is reported as already stored', async () => {
    expect((await provider.store(telco2, 'imported', null)).alreadyStored).toBe(false);
    const again = await provider.store(telco2, 'trained', telco.id);
    expect(again.alreadyStored).toBe(true);
    expect(again.summary.origin).toBe('imported');
  });
});

describe('model handlers', () => {
  let events: BackgroundEvent[];
  const handlers = () =>
    createModelHandlers({
      db,
      customers: { settled: async () => undefined, activitiesOf: async () => [] },
      models: provider,
      indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
      emit: (event) => events.push(event),
      now: () => Date.UTC(2024, 5, 1),
    });
  const ctx = { site: null, tabId: null };
  beforeEach(() => {
    events = [];
  });

  it('exports a model as a file that imports back to the same model', async () => {
    const h = handlers();
    const file = await h.exportModel({ id: other.id }, ctx);
    expect(file.fileName).toBe(`other-columns-${other.id.slice(0, 8)}.churn-model.json`);
    expect(parseModelArtifact(file.text).id).toBe(other.id);
    await h.rollbackModel({ id: other.id }, ctx);
    await h.deleteModel({ id: other.id }, ctx);
    events = [];
    const imported = await h.importModel({ text: file.text }, ctx);
    expect(imported).toMatchObject({ alreadyStored: false, summary: { id: other.id, origin: 'imported', active: false } });
    expect(events).toEqual([{ channel: 'churn-radar-event', type: 'model-changed' }]);
    // Importing it again changes nothing and says so.
    expect((await h.importModel({ text: file.text }, ctx)).alreadyStored).toBe(true);
    expect(events).toHaveLength(1);
  });

  it('rejects a corrupt or hostile file with a clear message and changes nothing', async () => {
    const h = handlers();
    await provider.list();
    const before = JSON.stringify(await db.models.toArray()) + JSON.stringify(await db.meta.toArray());
    const tampered = { ...structuredClone(telco), id: 'tampered', baseline: telco.baseline.slice(1) };
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"format": "churn-radar-model", ', /not JSON/],
      [JSON.stringify({ format: 'something-else' }), /format is "something-else"/],
      [JSON.stringify(tampered), /baseline has \d+ values but the model has \d+ inputs/],
      [JSON.stringify([1, 2, 3]), /expected a JSON object/],
    ];
    for (const [text, message] of cases) {
      const error = await h.importModel({ text }, ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HandlerError);
      expect(error).toMatchObject({ code: 'bad-request', message });
    }
    expect(JSON.stringify(await db.models.toArray()) + JSON.stringify(await db.meta.toArray())).toBe(before);
    expect(events).toEqual([]);
  });

  it('stores the worker’s artifact only after validating it again, with its lineage', async () => {
    const h = handlers();
    await expect(h.saveTrainedModel({ artifact: { format: 'churn-radar-model', formatVersion: 2 } }, ctx)).rejects.toMatchObject({ code: 'bad-request' });
    const saved = await h.saveTrainedModel({ artifact: telco2 as unknown as Record<string, unknown>, parent: telco.id }, ctx);
    expect(saved.summary).toMatchObject({ id: telco2.id, origin: 'trained', parent: telco.id, active: false });
    // A parent that is not stored is not recorded.
    const lost = await h.saveTrainedModel(
      { artifact: { ...structuredClone(telco2), id: 'telco-v3' } as unknown as Record<string, unknown>, parent: 'gone' },
      ctx,
    );
    expect(lost.summary.parent).toBeNull();
  });

  it('activates, rolls back and deletes through messages, emitting model-changed each time', async () => {
    const h = handlers();
    await h.saveTrainedModel({ artifact: telco2 as unknown as Record<string, unknown>, sites: [DEMO_CRM_ORIGIN] }, ctx);
    events = [];
    expect((await h.activateModel({ id: telco2.id }, ctx)).activeIds).toEqual([telco2.id, other.id]);
    expect((await h.rollbackModel({ id: telco2.id }, ctx)).activeIds).toEqual([telco.id, other.id]);
    await expect(h.deleteModel({ id: telco.id }, ctx)).rejects.toMatchObject({ code: 'bad-request', message: /active/ });
    await h.deleteModel({ id: telco2.id }, ctx);
    await expect(h.activateModel({ id: telco2.id }, ctx)).rejects.toMatchObject({ code: 'not-found' });
    expect(events).toHaveLength(3);
  });

  it('reads and saves the scorecard weights, refusing a broken card', async () => {
    const h = handlers();
    const view = await h.getScorecard({}, ctx);
    expect(view).toEqual({ scorecard: DEFAULT_SCORECARD, defaults: DEFAULT_SCORECARD, inUse: false });
    await expect(h.saveScorecard({ scorecard: { name: 'x', intercept: 'high', rules: [] } }, ctx)).rejects.toMatchObject({
      code: 'bad-request',
      message: /Invalid scorecard/,
    });
    const edited = { ...DEFAULT_SCORECARD, intercept: -1 };
    expect((await h.saveScorecard({ scorecard: edited as unknown as Record<string, unknown> }, ctx)).scorecard).toEqual(edited);
    expect((await db.meta.get(SCORECARD_KEY))!.value).toEqual(edited);
    expect((await h.saveScorecard({ scorecard: null }, ctx)).scorecard).toEqual(DEFAULT_SCORECARD);
    expect(await db.meta.get(SCORECARD_KEY)).toBeUndefined();
  });

  it('labels the stored customers by the churn definition for training', async () => {
    const base = { firstSeen: 1, lastSeen: 1, lastObservedAt: 1, observationCount: 1, site: 'http://crm.test' };
    await db.customers.bulkPut([
      { ...base, crmId: 'a', name: 'A', fields: { Status: 'Churned', tenure: '2' } },
      { ...base, crmId: 'b', name: 'B', fields: { Status: 'Active', tenure: '40' } },
      { ...base, crmId: 'c', name: 'C', fields: { tenure: '7' } },
    ]);
    const view = await handlers().getTrainingRows({}, ctx);
    expect(view).toMatchObject({ customers: 3, unlabelled: 1, churned: 1, label: 'churn_label', positive: 'Yes' });
    expect(view.rows.map((r) => [r.Status, r.churn_label])).toEqual([
      ['Churned', 'Yes'],
      ['Active', 'No'],
    ]);
    expect(view.columns.slice(0, 2)).toEqual(['Status', 'tenure']);
    expect(view.columns.at(-1)).toBe('churn_label');
  });
});

describe('modelFileName', () => {
  it('makes a safe file name from the model name and id', () => {
    expect(modelFileName({ name: 'Telco · Dec 1, 2026', id: 'abcdef0123' })).toBe('telco-dec-1-2026-abcdef01.churn-model.json');
    expect(modelFileName({ name: '流失模型 v2', id: '0011223344' })).toBe('流失模型-v2-00112233.churn-model.json');
    expect(modelFileName({ name: '../../etc', id: 'ff00ff00ff' })).toBe('etc-ff00ff00.churn-model.json');
    expect(modelFileName({ name: '', id: '12345678' })).toBe('model-12345678.churn-model.json');
  });
});
