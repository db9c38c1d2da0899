/**
 * The models bundled with the extension (trained on the demo CRM's history
 * at build time), installed and activated the first time each one is seen.
 *
 * A worker start used to fetch and validate every bundled file (≈130 KB of
 * JSON) before its first score, to learn that they were all installed
 * already. The bundle's index is now recorded with the install: when it is
 * unchanged (every start but the first after an update) nothing else is read.
 */
import type { ChurnRadarDb } from '../db/db';
import type { ModelRow } from '../db/schema';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import { isStorageError } from '../db/storage-errors';
import type { ModelArtifact } from '../model/types';
import { ACTIVE_MODELS_KEY, BUNDLED_INDEX_KEY, BUNDLED_INSTALLED_KEY, CATALOG_KEY, type ModelMeta } from './model-meta';

export interface BundledModelDeps {
  db: ChurnRadarDb;
  meta: ModelMeta;
  /** The bundled model files' contents. */
  loadBundled: () => Promise<unknown[]>;
  /** The bundle's index as text (absent: the files are read at every install check). */
  bundledIndex?: () => Promise<string>;
  parse: (json: unknown) => ModelArtifact;
  now: () => number;
}

export function bundledModels(deps: BundledModelDeps) {
  const { db, meta, now } = deps;

  async function storeBundled(fresh: ModelArtifact[], installed: Set<string>, rowOf: (artifact: ModelArtifact) => ModelRow, index: string | null) {
    await db.transaction('rw', db.models, db.meta, async () => {
      const ids = await meta.activeIds();
      const entries = await meta.catalog();
      for (const artifact of fresh) {
        // Trained on the demo CRM's export: they score the demo CRM, and another site only when a manager assigns them.
        await db.models.put(rowOf(artifact));
        if (!ids.includes(artifact.id)) ids.push(artifact.id);
        entries[artifact.id] ??= { origin: 'bundled', parent: null, addedAt: now() };
        installed.add(artifact.name);
      }
      await db.meta.put({ key: ACTIVE_MODELS_KEY, value: ids });
      await db.meta.put({ key: BUNDLED_INSTALLED_KEY, value: [...installed] });
      await db.meta.put({ key: CATALOG_KEY, value: entries });
      if (index !== null) await db.meta.put({ key: BUNDLED_INDEX_KEY, value: index });
    });
  }

  /**
   * Stores the bundled models not installed yet. Resolves to the rows it could
   * not store because storage failed (a full disk, a blocked database): they
   * serve from memory meanwhile, so a disk that is full before the first page
   * is read still gives badges, and the install is tried again at the next use.
   */
  async function install(): Promise<ModelRow[]> {
    const index = deps.bundledIndex ? await deps.bundledIndex() : null;
    if (index !== null && (await db.meta.get(BUNDLED_INDEX_KEY))?.value === index) return [];
    const installed = await meta.bundledNames();
    const raw = await deps.loadBundled();
    const fresh = raw.map(deps.parse).filter((artifact) => !installed.has(artifact.name));
    if (!fresh.length && index === null) return [];
    const rowOf = (artifact: ModelArtifact): ModelRow => ({
      id: artifact.id,
      createdAt: artifact.createdAt,
      importedAt: now(),
      artifact,
      sites: [DEMO_CRM_ORIGIN],
    });
    try {
      await storeBundled(fresh, installed, rowOf, index);
      return [];
    } catch (error) {
      if (!isStorageError(error)) throw error;
      console.warn('[churn-radar] bundled models serve from memory until storage works again', error);
      return fresh.map(rowOf);
    }
  }

  return { install };
}
