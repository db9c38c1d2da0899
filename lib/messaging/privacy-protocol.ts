/**
 * Data control (options → Data & privacy): what is stored, export in pages,
 * erase a site or everything, import a previous export, the retention window.
 * Merged into the one Protocol (lib/messaging/protocol.ts); types only.
 */
import type { PageKey } from '../privacy/export-pages';
import type { DataTable } from '../privacy/tables';
import type { TableUsage } from '../privacy/storage-summary';

export interface DataSummary {
  dbVersion: number;
  tables: TableUsage[];
  /** Rows per site and table, biggest site first. */
  sites: { site: string; total: number; tables: Partial<Record<DataTable, number>> }[];
  /** chrome.storage.local: how many settings, and their serialized size. */
  settings: { keys: number; bytes: number };
  retentionDays: number;
}

interface TableImportSummary {
  table: DataTable;
  added: number;
  updated: number;
  skipped: number;
}

/** What an import did. It is all or nothing: a file with a refused row or setting is refused whole (the error names them). */
export interface ImportSummary {
  tables: TableImportSummary[];
  /** skipped: set here already, locked by policy, or this browser's own bookkeeping. */
  settings: { applied: number; skipped: number };
  /** Tables the file has that this version does not know (ignored). */
  unknownTables: string[];
}

/** What the confirmation field must say for "erase everything" (the UI asks for a word in the user's language). */
export const ERASE_ALL_CONFIRMATION = 'erase-everything';

export interface PrivacyProtocol {
  getDataSummary: { request: Record<string, never>; response: DataSummary };
  /** One page of a table, in primary-key order, after the key the previous page ended at; `next` null: the table is done. */
  exportTablePage: { request: { table: DataTable; after?: PageKey; limit: number }; response: { rows: unknown[]; total: number; next: PageKey | null } };
  /** chrome.storage.local as it is, for the export's "settings". */
  exportSettings: { request: Record<string, never>; response: { settings: Record<string, unknown>; dbVersion: number } };
  /** Erase every row of a site; `confirm` must repeat the site. */
  eraseSite: { request: { site: string; confirm: string }; response: { deleted: number } };
  /** Erase every table, settings and trained/imported models (bundled models come back). */
  eraseAll: { request: { confirm: typeof ERASE_ALL_CONFIRMATION }; response: { deleted: number } };
  /** A previous export's text: validated and merged in one transaction, or nothing changes. */
  importData: { request: { text: string }; response: ImportSummary };
  setRetentionDays: { request: { days: number }; response: { days: number } };
}
