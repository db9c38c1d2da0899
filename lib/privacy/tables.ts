/**
 * Every Dexie table as the data-control features see it: whether its rows
 * belong to a CRM site (erase a site, per-site counts), and the natural key
 * that says two rows are the same record. Auto-increment tables get a new id
 * in every browser, so an import matches their rows by content, not by id.
 */
export const DATA_TABLES = [
  'customers',
  'observationBatches',
  'scores',
  'activities',
  'indicators',
  'actions',
  'feedback',
  'overrides',
  'enrolments',
  'models',
  'meta',
  'settings',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** Tables whose rows carry a `site` (indexed): a site's data. */
export const SITE_TABLES = [
  'customers',
  'observationBatches',
  'scores',
  'activities',
  'indicators',
  'actions',
  'feedback',
  'overrides',
  'enrolments',
] as const satisfies readonly DataTable[];

/** Tables keyed by `++id`: the id is local to a browser and dropped on import. */
export const AUTO_ID_TABLES = new Set<DataTable>(['observationBatches', 'scores', 'indicators', 'actions', 'feedback']);

type Row = Record<string, unknown>;
const s = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value ?? null));
const key = (...parts: unknown[]) => parts.map(s).join('\u0000');

/** The identity of a row: equal keys mean the same record (kept once). */
export function naturalKey(table: DataTable, row: Row): string {
  switch (table) {
    case 'customers':
    case 'overrides':
      return key(row.site, row.crmId);
    case 'activities':
      return key(row.site, row.crmId, row.id);
    case 'observationBatches':
      // One page sighting: same page, same moment, same customers.
      return key(row.site, row.observedAt, row.url, (row.keys as unknown[] | undefined)?.join(','));
    case 'scores':
      return key(row.site, row.crmId, row.scoredAt);
    case 'indicators':
      return key(row.site, row.crmId, row.computedAt);
    case 'actions':
      return key(row.site, row.crmId, row.at, row.kind);
    case 'feedback':
      return key(row.site, row.crmId, row.at, row.verdict);
    case 'enrolments':
      return key(row.experimentId, row.site, row.crmId);
    case 'models':
      return key(row.id);
    case 'meta':
    case 'settings':
      return key(row.key);
  }
}

/** When a row was last changed, for "the newer copy wins"; null for tables whose rows never change. */
export function rowTime(table: DataTable, row: Row): number | null {
  const n = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  switch (table) {
    case 'customers':
    case 'activities':
      return n(row.lastSeen);
    case 'overrides':
      return n(row.at);
    case 'actions':
      return n((row.outcome as { at?: unknown } | undefined)?.at);
    default:
      return null;
  }
}
