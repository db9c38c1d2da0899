import { customerKey } from '../db/customer-key';
import { toCsv } from '@/lib/files/csv-write';
import type { ActionRow, CustomerRow } from '../db/schema';

export const ACTION_CSV_COLUMNS = ['site', 'crm_id', 'customer', 'action', 'at', 'script_id', 'playbook_rule', 'note', 'outcome', 'outcome_at'] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** Actions and outcomes as CSV for a spreadsheet (ISO times, UTC), oldest first; text is quoted and formula-escaped by the one CSV writer. */
export function actionsCsv(actions: readonly ActionRow[], names: ReadonlyMap<string, string>): string {
  const rows = [...actions]
    .sort((a, b) => a.at - b.at)
    .map((a) => [
      a.site,
      a.crmId,
      names.get(customerKey(a.site, a.crmId)) ?? '',
      a.kind,
      iso(a.at),
      a.scriptId ?? '',
      a.playbookId ?? '',
      a.note ?? '',
      a.outcome?.kind ?? '',
      iso(a.outcome?.at),
    ]);
  return toCsv(ACTION_CSV_COLUMNS, rows);
}

export const nameKey = (row: Pick<CustomerRow, 'site' | 'crmId'>) => customerKey(row.site, row.crmId);
