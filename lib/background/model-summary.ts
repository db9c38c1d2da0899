/** What the options console lists of a model: its facts, state in the active set and lineage. */
import type { ModelRow } from '../db/schema';
import type { ActivationEvent, ModelInfo, ModelSummary } from '../messaging/protocol';
import type { ModelArtifact } from '../model/types';
import { rollbackTarget } from './model-activation';
import type { CatalogEntry } from './model-meta';

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

/** A model's distinct input columns. */
export function inputsOf(artifact: ModelArtifact): string[] {
  return [...new Set(artifact.preprocessor.featureSource)];
}

/** Position in the active set (inactive models last). */
export function activeRank(ids: readonly string[], id: string): number {
  const i = ids.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

export function summaryOf(
  row: ModelRow,
  activeIds: readonly string[],
  events: readonly ActivationEvent[],
  entry: CatalogEntry | undefined,
  bundledNames: ReadonlySet<string>,
  present: ReadonlySet<string>,
): ModelSummary {
  const active = activeIds.includes(row.id);
  const target = active ? rollbackTarget(events, row.id) : null;
  return {
    ...modelInfoOf(row.artifact),
    active,
    // Models stored before the catalog existed: bundled ones are known by name.
    origin: entry?.origin ?? (bundledNames.has(row.artifact.name) ? 'bundled' : 'imported'),
    parent: entry?.parent ?? row.artifact.parent ?? null,
    addedAt: entry?.addedAt ?? row.importedAt,
    inputs: inputsOf(row.artifact),
    trainingHash: row.artifact.trainingData.hash,
    sites: row.sites ?? [],
    rollbackTo: target !== null && present.has(target) && !activeIds.includes(target) ? target : null,
  };
}
