import { toCsv } from '@/lib/files/csv-write';
import type { DataTable } from './tables';

type Row = Record<string, unknown>;

/** Each table's CSV columns (the row types of lib/db/schema.ts); any other key goes into `other` as JSON. */
export const CSV_COLUMNS: Record<DataTable, readonly string[]> = {
  customers: [
    'site',
    'crmId',
    'name',
    'fields',
    'firstSeen',
    'lastSeen',
    'lastObservedAt',
    'observationCount',
    'lastScore',
    'value',
    'today',
    'atRiskSince',
    'detailUrl',
    'visits',
    'activityCount',
    'indicators',
  ],
  observationBatches: ['id', 'site', 'observedAt', 'pageKind', 'url', 'adapter', 'keys', 'crmIds', 'names', 'fields'],
  scores: ['id', 'site', 'crmId', 'scoredAt', 'probability', 'tier', 'modelId', 'reasons'],
  activities: ['site', 'crmId', 'id', 'kind', 'at', 'amount', 'quantity', 'status', 'text', 'firstSeen', 'lastSeen'],
  indicators: ['id', 'site', 'crmId', 'computedAt', 'values', 'lifecycle', 'pattern'],
  actions: ['id', 'site', 'crmId', 'at', 'kind', 'playbookId', 'scriptId', 'note', 'outcome'],
  feedback: ['id', 'site', 'crmId', 'at', 'verdict', 'reason', 'probability', 'tier', 'modelId'],
  overrides: ['site', 'crmId', 'tier', 'reason', 'at', 'expiresAt'],
  enrolments: ['experimentId', 'site', 'crmId', 'arm', 'enrolledAt'],
  models: ['id', 'createdAt', 'importedAt', 'artifact'],
  meta: ['key', 'value'],
  settings: ['key', 'value'],
};
export const OTHER_COLUMN = 'other';

/** One CSV cell: text and numbers as they are, everything nested as JSON (a spreadsheet can still show it). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A row as CSV cells, in the table's column order; keys not listed are kept together in the last column. */
export function csvRow(table: DataTable, row: Row): string[] {
  const columns = CSV_COLUMNS[table];
  const known = new Set(columns);
  const other = Object.fromEntries(Object.entries(row).filter(([key]) => !known.has(key)));
  return [...columns.map((column) => csvCell(row[column])), Object.keys(other).length ? JSON.stringify(other) : ''];
}

/** A chunk of a table as CSV text (CRLF lines); the header row only with the first chunk. */
export function csvChunk(table: DataTable, rows: readonly Row[], withHeader: boolean): string {
  const fields = [...CSV_COLUMNS[table], OTHER_COLUMN];
  if (!rows.length && !withHeader) return '';
  return `${toCsv(
    fields,
    rows.map((row) => csvRow(table, row)),
    { header: withHeader },
  )}\r\n`;
}
