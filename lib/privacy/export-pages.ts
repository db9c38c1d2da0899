import type { DataTable } from './tables';

/** A primary key as the export pages pass it back and forth: a number, a string, or a compound key of those. */
export type PageKey = number | string | (number | string)[];

/**
 * One page of a table, as the background answers `exportTablePage`: the rows
 * after `after` (a primary key; undefined: from the start) and the key to
 * continue after, null when the table is finished.
 */
export type FetchPage = (table: DataTable, after: PageKey | undefined, limit: number) => Promise<{ rows: unknown[]; total: number; next: PageKey | null }>;

export interface ExportProgress {
  table: DataTable;
  /** Rows read so far over all tables, and all rows to read (known once each table's first page answered). */
  done: number;
  total: number;
}

/** Rows per message: ~1–4 MB of customers, well under the message limit, and the page stays responsive between pages. */
const EXPORT_PAGE_ROWS = 1000;

/**
 * A table's rows a page at a time (never the whole table in one array), with
 * progress after every page. `totals` is the expected row count per table
 * (from the summary) so progress has a denominator from the start.
 */
export function tablePages(
  fetchPage: FetchPage,
  totals: Partial<Record<DataTable, number>>,
  onProgress: (progress: ExportProgress) => void,
  pageRows = EXPORT_PAGE_ROWS,
) {
  let done = 0;
  const grand = () => Object.values(totals).reduce((sum, n) => sum + (n ?? 0), 0);
  return async function* pages(table: DataTable): AsyncGenerator<unknown[]> {
    // Pages continue after the last key read, not at an offset: rows that CRM tabs add or retention
    // prunes between two pages shift offsets, which would repeat or skip rows.
    for (let after: PageKey | undefined; ; ) {
      const page = await fetchPage(table, after, pageRows);
      totals[table] = page.total;
      done += page.rows.length;
      onProgress({ table, done, total: Math.max(grand(), done) });
      yield page.rows;
      if (page.next === null) return;
      after = page.next;
    }
  };
}
