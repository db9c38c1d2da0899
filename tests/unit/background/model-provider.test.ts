import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createModelProvider } from '@/lib/background/model-provider';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { parseModelArtifact } from '@/lib/model/artifact';
import { createScorer } from '@/lib/model/scorer';
import { trainModel } from '@/lib/model/train';
import type { ModelArtifact } from '@/lib/model/types';
import { parseCsv } from '@/lib/data/csv';

let artifact: ModelArtifact;
let db: ChurnRadarDb;
let counter = 0;

beforeAll(async () => {
  const table = parseCsv(readFileSync('tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', 'utf8'));
  ({ artifact } = await trainModel({
    rows: table.rows.slice(0, 800),
    columns: table.columns,
    label: 'Churn',
    folds: 2,
    name: 'small',
    trainedBy: 'vitest',
    source: 'fixture',
  }));
}, 120_000);
beforeEach(() => {
  db = openDatabase({ name: `models-${counter++}` });
});
afterEach(async () => {
  await db.delete();
});

describe('model provider', () => {
  it('installs and activates the bundled model on first use, then reads it from the database', async () => {
    const loadBundled = vi.fn(async () => [JSON.parse(JSON.stringify(artifact))]);
    const provider = createModelProvider({ db, loadBundled, parse: parseModelArtifact, createScorer });
    const scorer = await provider.active();
    expect(scorer!.artifact.id).toBe(artifact.id);
    expect(await db.models.count()).toBe(1);
    expect((await db.meta.get('activeModelIds'))!.value).toEqual([artifact.id]);

    const afterRestart = createModelProvider({ db, loadBundled, parse: parseModelArtifact, createScorer });
    expect((await afterRestart.info())!).toMatchObject({ id: artifact.id, name: 'small', trainingRows: 800 });
    // Seen again, but installed once only.
    expect(await db.models.count()).toBe(1);
  });

  it('a worker start with the same bundle index reads no bundled file; a changed index (an update) reads them again', async () => {
    const loadBundled = vi.fn(async () => [JSON.parse(JSON.stringify(artifact))]);
    const start = (index: string) => createModelProvider({ db, loadBundled, bundledIndex: async () => index, parse: parseModelArtifact, createScorer });
    expect((await start('["a.json"]').active())!.artifact.id).toBe(artifact.id);
    expect(loadBundled).toHaveBeenCalledTimes(1);
    const restarted = start('["a.json"]');
    expect((await restarted.active())!.artifact.id).toBe(artifact.id);
    await restarted.list();
    expect(loadBundled).toHaveBeenCalledTimes(1);
    await start('["a.json","b.json"]').active();
    expect(loadBundled).toHaveBeenCalledTimes(2);
    expect(await db.models.count()).toBe(1);
  });

  it('a disk full before the bundled model is stored: it scores from memory, and is stored at a later use once there is room', async () => {
    const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    const put = vi.spyOn(db.models, 'put').mockRejectedValueOnce(quota);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const provider = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer });
    expect((await provider.active())!.artifact.id).toBe(artifact.id); // badges, not "failed"
    expect(await db.models.count()).toBe(0);
    expect(warn).toHaveBeenCalled();
    put.mockRestore();
    expect((await provider.active())!.artifact.id).toBe(artifact.id);
    expect(await db.models.count()).toBe(1);
    expect((await db.meta.get('activeModelIds'))!.value).toEqual([artifact.id]);
    warn.mockRestore();
  });

  it('a bundled model that fails for another reason than storage still fails the load', async () => {
    vi.spyOn(db.models, 'put').mockRejectedValueOnce(new TypeError('bug'));
    const provider = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer });
    await expect(provider.active()).rejects.toThrow('bug');
    vi.restoreAllMocks();
  });

  it('loads the model once per worker life', async () => {
    const create = vi.fn(createScorer);
    const provider = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer: create });
    await Promise.all([provider.active(), provider.active(), provider.info()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('fails with a clear message on a corrupt bundled model, stores nothing, and can try again', async () => {
    const loadBundled = vi
      .fn()
      .mockResolvedValueOnce([{ format: 'churn-radar-model', formatVersion: 1, kind: 'logistic' }])
      .mockResolvedValue([artifact]);
    const provider = createModelProvider({ db, loadBundled, parse: parseModelArtifact, createScorer });
    await expect(provider.active()).rejects.toThrow(/model/i);
    expect(await db.models.count()).toBe(0);
    expect((await provider.active())!.artifact.id).toBe(artifact.id);
  });

  it('does not bring back a bundled model the manager removed from the active set', async () => {
    const provider = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer });
    await provider.actives();
    await db.meta.put({ key: 'activeModelIds', value: [] });
    const afterUpdate = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer, fallback: null });
    expect(await afterUpdate.actives()).toEqual([]);
  });

  it('carries over the single active model of the first schema', async () => {
    await db.models.put({ id: artifact.id, createdAt: artifact.createdAt, importedAt: 1, artifact });
    await db.meta.put({ key: 'activeModelId', value: artifact.id });
    await db.meta.put({ key: 'bundledModelsInstalled', value: ['small'] });
    const provider = createModelProvider({ db, loadBundled: async () => [artifact], parse: parseModelArtifact, createScorer });
    expect((await provider.actives()).map((s) => s.artifact.id)).toEqual([artifact.id]);
  });
});
