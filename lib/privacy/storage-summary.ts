import type { DataTable } from './tables';

/** One table as "what is stored" lists it. */
export interface TableUsage {
  table: DataTable;
  rows: number;
  /** Estimated bytes: rows × the mean serialized size of a sample (IndexedDB's real cost differs). */
  estimatedBytes: number;
}

/** Mean UTF-8 size of the sample rows as JSON, in bytes (0 for no sample). */
export function meanRowBytes(sample: readonly unknown[]): number {
  if (!sample.length) return 0;
  let total = 0;
  const encoder = new TextEncoder();
  for (const row of sample) total += encoder.encode(JSON.stringify(row) ?? '').length;
  return total / sample.length;
}

export function estimateTableBytes(rows: number, sample: readonly unknown[]): number {
  return Math.round(rows * meanRowBytes(sample));
}

/** Per-site counts → rows sorted by total rows, biggest first. */
export function sitesBySize(
  counts: Record<string, Partial<Record<DataTable, number>>>,
): { site: string; total: number; tables: Partial<Record<DataTable, number>> }[] {
  return Object.entries(counts)
    .map(([site, tables]) => ({ site, tables, total: Object.values(tables).reduce((sum, n) => sum + (n ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || a.site.localeCompare(b.site));
}

/** "12.3 MB" style sizes for the UI. */
export function formatBytes(bytes: number, locale = 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}
