import type { ChurnRadarDb } from '../db/db';
import type { ModelInfo } from '../messaging/protocol';
import { chooseScorer, modelSources } from '../model/choice';
import type { ModelArtifact, RawRow, Scorer } from '../model/types';

/** v1 (one active model) kept its id here; read once and carried over to ACTIVE_MODELS_KEY. */
const LEGACY_ACTIVE_MODEL_KEY = 'activeModelId';
/** Active model ids, most recently activated first (see lib/model/choice.ts). */
const ACTIVE_MODELS_KEY = 'activeModelIds';
/** Names of bundled models already installed once: a manager who replaced one does not get it back on update. */
const BUNDLED_INSTALLED_KEY = 'bundledModelsInstalled';

export interface ModelProviderDeps {
  db: ChurnRadarDb;
  /** The models bundled with the extension (trained on the demo CRM's history at build time). */
  loadBundled: () => Promise<unknown[]>;
  parse: (json: unknown) => ModelArtifact;
  createScorer: (artifact: ModelArtifact) => Promise<Scorer>;
}

export function modelInfoOf(artifact: ModelArtifact): ModelInfo {
  return {
    id: artifact.id,
    name: artifact.name,
    kind: artifact.kind,
    createdAt: artifact.createdAt,
    trainedBy: artifact.trainedBy,
    label: artifact.label,
    trainingRows: artifact.trainingData.rows,
    trainingSource: artifact.trainingData.source,
    features: artifact.preprocessor.featureNames.length,
    metrics: artifact.metrics,
  };
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The active models, loaded once per service-worker life. Bundled models are
 * installed and activated the first time each one is seen.
 */
export function createModelProvider(deps: ModelProviderDeps) {
  const { db } = deps;
  let loading: Promise<Scorer[]> | null = null;
  const sources = new WeakMap<Scorer, string[]>();
  const sourcesOf = (scorer: Scorer) => {
    let list = sources.get(scorer);
    if (!list) sources.set(scorer, (list = modelSources(scorer)));
    return list;
  };

  async function activeIds(): Promise<string[]> {
    const ids = stringList((await db.meta.get(ACTIVE_MODELS_KEY))?.value);
    if (ids.length) return ids;
    const legacy = (await db.meta.get(LEGACY_ACTIVE_MODEL_KEY))?.value;
    return typeof legacy === 'string' ? [legacy] : [];
  }

  async function installBundled(): Promise<void> {
    const installed = new Set(stringList((await db.meta.get(BUNDLED_INSTALLED_KEY))?.value));
    const raw = await deps.loadBundled();
    const fresh = raw.map(deps.parse).filter((artifact) => !installed.has(artifact.name));
    if (!fresh.length) return;
    await db.transaction('rw', db.models, db.meta, async () => {
      const ids = await activeIds();
      for (const artifact of fresh) {
        await db.models.put({ id: artifact.id, createdAt: artifact.createdAt, importedAt: Date.now(), artifact });
        if (!ids.includes(artifact.id)) ids.push(artifact.id);
        installed.add(artifact.name);
      }
      await db.meta.put({ key: ACTIVE_MODELS_KEY, value: ids });
      await db.meta.put({ key: BUNDLED_INSTALLED_KEY, value: [...installed] });
    });
  }

  async function load(): Promise<Scorer[]> {
    await installBundled();
    const rows = await db.models.bulkGet(await activeIds());
    const artifacts = rows.filter((row) => !!row).map((row) => deps.parse(row!.artifact));
    return Promise.all(artifacts.map(deps.createScorer));
  }

  function actives(): Promise<Scorer[]> {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  return {
    /** Every active model; the error of a failed load is rethrown to the caller, and the next call tries again. */
    actives,
    /** The first active model (null when none is installed). */
    async active(): Promise<Scorer | null> {
      return (await actives())[0] ?? null;
    },
    /** A model's distinct input columns (cached per scorer). */
    sourcesOf,
    /** The model that scores this row among `scorers` (see lib/model/choice.ts). */
    scorerFor(scorers: readonly Scorer[], row: RawRow): Scorer | undefined {
      return chooseScorer(scorers, row, sourcesOf);
    },
    async info(): Promise<ModelInfo | null> {
      const scorer = await this.active();
      return scorer ? modelInfoOf(scorer.artifact) : null;
    },
    async infos(): Promise<ModelInfo[]> {
      return (await actives()).map((scorer) => modelInfoOf(scorer.artifact));
    },
  };
}

export type ModelProvider = ReturnType<typeof createModelProvider>;
