import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  ActionRow,
  ActivityRow,
  CustomerRow,
  EnrolmentRow,
  FeedbackRow,
  IndicatorRow,
  MetaRow,
  ModelRow,
  ObservationBatchRow,
  OverrideRow,
  ScoreRow,
  SettingRow,
} from './schema';
import { upgradeToV2 } from './migrations/v2';
import { upgradeToV3 } from './migrations/v3';
import { upgradeToV6 } from './migrations/v6';
import { upgradeToV7 } from './migrations/v7';

const DB_NAME = 'churn-radar';

/** Version 1 (issue 3): customers, append-only observations and scores, models, meta. */
export const STORES_V1 = {
  customers: '[site+crmId], site, lastSeen',
  observations: '++id, [site+crmId+observedAt], site, observedAt',
  scores: '++id, [site+crmId+scoredAt], site, scoredAt',
  models: 'id, importedAt',
  meta: 'key',
} as const;

/**
 * Version 2 (issue 4): activities, indicator history, actions, settings;
 * customers gain a parsed value (indexed per site for value-at-stake lists).
 * Only changed tables are listed: Dexie keeps the others as in version 1.
 */
export const STORES_V2 = {
  customers: '[site+crmId], site, lastSeen, [site+value]',
  activities: '[site+crmId+id], [site+crmId+at], site, at',
  indicators: '++id, [site+crmId+computedAt], site, computedAt',
  actions: '++id, [site+crmId+at], site, at',
  settings: 'key',
} as const;

/**
 * Version 3 (issue 4): observations move into observationBatches, one row per
 * page sighting (IndexedDB costs per record); the upgrade regroups every v2
 * observation and the old table is dropped.
 */
export const STORES_V3 = {
  observations: null,
  observationBatches: '++id, *keys, site, observedAt',
} as const;

/**
 * Version 4 (issue 7): agents' feedback on scores ("score looks wrong") and
 * tier overrides with an expiry. New tables only; nothing to migrate.
 */
export const STORES_V4 = {
  feedback: '++id, [site+crmId+at], site, at',
  overrides: '[site+crmId], site, expiresAt',
} as const;

/**
 * Version 5 (issue 16): who is in each experiment, in which arm, since when
 * (lib/experiments). A new table only; nothing to migrate.
 */
export const STORES_V5 = {
  enrolments: '[experimentId+site+crmId], experimentId, [site+crmId], site',
} as const;

/**
 * Version 6 (issue 14): models record the sites they score (`sites`,
 * multiEntry-indexed); the upgrade assigns the stored ones (migrations/v6.ts).
 */
const STORES_V6 = {
  models: 'id, importedAt, *sites',
} as const;

/**
 * Version 7 (issue 17): the worklist reads the at-risk customers in its own
 * order from an index (`worklistRank`, present only at tier ≥ 3) and lists
 * owners from another, instead of reading 100,000 rows; the upgrade derives
 * both keys for the stored customers (migrations/v7.ts).
 */
const STORES_V7 = {
  customers: '[site+crmId], site, lastSeen, [site+value], worklistRank, owner',
} as const;

export type ChurnRadarDb = Dexie & {
  /** Compound primary key [site, crmId]. */
  customers: Table<CustomerRow, [string, string]>;
  observationBatches: EntityTable<ObservationBatchRow, 'id'>;
  scores: EntityTable<ScoreRow, 'id'>;
  models: EntityTable<ModelRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  /** Compound primary key [site, crmId, id]. */
  activities: Table<ActivityRow, [string, string, string]>;
  indicators: EntityTable<IndicatorRow, 'id'>;
  actions: EntityTable<ActionRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  feedback: EntityTable<FeedbackRow, 'id'>;
  /** Compound primary key [site, crmId]: one override per customer. */
  overrides: Table<OverrideRow, [string, string]>;
  /** Compound primary key [experimentId, site, crmId]: a customer is enrolled once per experiment. */
  enrolments: Table<EnrolmentRow, [string, string, string]>;
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

  db.version(1).stores(STORES_V1);
  db.version(2).stores(STORES_V2).upgrade(upgradeToV2);
  db.version(3).stores(STORES_V3).upgrade(upgradeToV3);
  db.version(4).stores(STORES_V4);
  db.version(5).stores(STORES_V5);
  db.version(6).stores(STORES_V6).upgrade(upgradeToV6);
  db.version(7).stores(STORES_V7).upgrade(upgradeToV7);

  return db;
}
