import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CustomerRow, MetaRow, ModelRow, ObservationRow, ScoreRow } from './schema';

export const DB_NAME = 'churn-radar';

export type ChurnRadarDb = Dexie & {
  /** Compound primary key [site, crmId]. */
  customers: Table<CustomerRow, [string, string]>;
  observations: EntityTable<ObservationRow, 'id'>;
  scores: EntityTable<ScoreRow, 'id'>;
  models: EntityTable<ModelRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/**
 * Every schema version ever shipped is declared here, oldest first, and never
 * deleted: Dexie needs the chain to upgrade a database written by any older
 * release. A new version adds `db.version(n).stores({...}).upgrade(...)` below,
 * plus a test that opens a database written by version n-1.
 *
 * Only the background and extension pages open it (extension origin). A content
 * script must never: its IndexedDB belongs to the CRM's origin.
 */
export function openDatabase(options: { name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): ChurnRadarDb {
  const db = new Dexie(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as ChurnRadarDb;

  db.version(1).stores({
    customers: '[site+crmId], site, lastSeen',
    observations: '++id, [site+crmId+observedAt], site, observedAt',
    scores: '++id, [site+crmId+scoredAt], site, scoredAt',
    models: 'id, importedAt',
    meta: 'key',
  });

  return db;
}
