/**
 * The model records kept in the database's meta table: the active set, its
 * history, how each model arrived, and which bundled models were installed.
 */
import type { ChurnRadarDb } from '../db/db';
import type { ActivationEvent, ModelOrigin } from '../messaging/protocol';

/** v1 (one active model) kept its id here; read once and carried over to ACTIVE_MODELS_KEY. */
const LEGACY_ACTIVE_MODEL_KEY = 'activeModelId';
/** Active model ids, most recently activated first (see lib/model/choice.ts). */
export const ACTIVE_MODELS_KEY = 'activeModelIds';
/** Names of bundled models already installed once: a manager who replaced one does not get it back on update. */
export const BUNDLED_INSTALLED_KEY = 'bundledModelsInstalled';
/** The bundled models' index as last installed: the same index at a worker start means nothing to fetch or parse. */
export const BUNDLED_INDEX_KEY = 'bundledModelsIndex';
/** ActivationEvent[]: every change of the active set, oldest first (for rollback and the history list). */
export const ACTIVATION_HISTORY_KEY = 'modelActivationHistory';
/** Record<model id, CatalogEntry>: how each stored model arrived and which version it follows. */
export const CATALOG_KEY = 'modelCatalog';

export interface CatalogEntry {
  origin: ModelOrigin;
  parent: string | null;
  addedAt: number;
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function modelMeta(db: ChurnRadarDb) {
  return {
    async activeIds(): Promise<string[]> {
      const row = await db.meta.get(ACTIVE_MODELS_KEY);
      if (row) return stringList(row.value);
      const legacy = (await db.meta.get(LEGACY_ACTIVE_MODEL_KEY))?.value;
      return typeof legacy === 'string' ? [legacy] : [];
    },
    async history(): Promise<ActivationEvent[]> {
      const value = (await db.meta.get(ACTIVATION_HISTORY_KEY))?.value;
      return Array.isArray(value) ? (value as ActivationEvent[]) : [];
    },
    async catalog(): Promise<Record<string, CatalogEntry>> {
      const value = (await db.meta.get(CATALOG_KEY))?.value;
      return value && typeof value === 'object' ? (value as Record<string, CatalogEntry>) : {};
    },
    async bundledNames(): Promise<Set<string>> {
      return new Set(stringList((await db.meta.get(BUNDLED_INSTALLED_KEY))?.value));
    },
  };
}

export type ModelMeta = ReturnType<typeof modelMeta>;
