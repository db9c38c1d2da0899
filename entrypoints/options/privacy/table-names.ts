import { t } from '@/lib/i18n';
import type { DataTable } from '@/lib/privacy/tables';

/** "Customers", "Page sightings" … for a table name. */
export const tableLabel = (table: DataTable) => t(`privacy.tables.${table}`) || table;

/** A host for display: "https://crm.example.com" → "crm.example.com". */
export function siteLabel(site: string): string {
  try {
    return new URL(site).host || site;
  } catch {
    return site;
  }
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const buttonClass =
  'rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50';
export const primaryButton = `${buttonClass} bg-slate-900 text-white hover:bg-slate-800`;
export const secondaryButton = `${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
export const dangerButton = `${buttonClass} bg-red-700 text-white hover:bg-red-800`;
export const inputClass = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-600';
