import type { ChurnRadarDb } from '../db/db';
import type { ModelInfo } from '../messaging/protocol';
import type { ModelArtifact, Scorer } from '../model/types';

const ACTIVE_MODEL_KEY = 'activeModelId';

export interface ModelProviderDeps {
  db: ChurnRadarDb;
  /** The model bundled with the extension (trained on the demo CRM's history at build time). */
  loadBundled: () => Promise<unknown>;
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

/**
 * The active model, loaded once per service-worker life. The first time the
 * database has no model, the bundled one is installed and activated.
 */
export function createModelProvider(deps: ModelProviderDeps) {
  let loading: Promise<Scorer | null> | null = null;

  async function activeArtifact(): Promise<ModelArtifact | null> {
    const active = await deps.db.meta.get(ACTIVE_MODEL_KEY);
    if (typeof active?.value === 'string') {
      const row = await deps.db.models.get(active.value);
      if (row) return deps.parse(row.artifact);
    }
    const bundled = deps.parse(await deps.loadBundled());
    await deps.db.transaction('rw', deps.db.models, deps.db.meta, async () => {
      await deps.db.models.put({ id: bundled.id, createdAt: bundled.createdAt, importedAt: Date.now(), artifact: bundled });
      await deps.db.meta.put({ key: ACTIVE_MODEL_KEY, value: bundled.id });
    });
    return bundled;
  }

  return {
    /** null only if no model can be loaded at all; the error is rethrown to the caller. */
    active(): Promise<Scorer | null> {
      loading ??= activeArtifact()
        .then((artifact) => (artifact ? deps.createScorer(artifact) : null))
        .catch((error: unknown) => {
          loading = null;
          throw error;
        });
      return loading;
    },
    async info(): Promise<ModelInfo | null> {
      const scorer = await this.active();
      return scorer ? modelInfoOf(scorer.artifact) : null;
    },
  };
}

export type ModelProvider = ReturnType<typeof createModelProvider>;
