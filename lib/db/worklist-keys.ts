/**
 * Keys derived from a customer row so the worklist reads an index instead of
 * the whole customers table (100,000 customers: issue 17). Computed where rows
 * are written (customers-repo.ts writeBatch, the v7 upgrade, a data import):
 *
 * - worklistRank: present only for customers scored at an at-risk tier; the
 *   worklist's order, biggest expected loss (probability × monthly value)
 *   first, customers without a value after them by probability (p − 2 lies
 *   in [−2, −1], below every expected loss). Absent keys are not indexed, so
 *   the index holds the at-risk customers only.
 * - owner: the account owner the worklist filters by; its index lists the
 *   owners without reading rows (uniqueKeys).
 */
import { readProductField } from '@/lib/fields/product-fields';
import type { CustomerRow } from './schema';

/** A customer is at risk (on the worklist) from this tier up. */
export const AT_RISK_TIER = 3;

export function worklistRankOf(row: Pick<CustomerRow, 'lastScore' | 'value'>): number | undefined {
  const score = row.lastScore;
  if (!score || score.tier < AT_RISK_TIER) return undefined;
  return row.value === undefined ? score.probability - 2 : score.probability * row.value;
}

export function ownerOf(row: Pick<CustomerRow, 'fields'>): string | null {
  return readProductField(row.fields, 'owner')?.trim() || null;
}

/** The row with its derived keys recomputed (stale ones dropped). */
export function withWorklistKeys(row: CustomerRow): CustomerRow {
  const { worklistRank: _rank, owner: _owner, ...rest } = row;
  const rank = worklistRankOf(row);
  const owner = ownerOf(row);
  return { ...rest, ...(rank === undefined ? {} : { worklistRank: rank }), ...(owner === null ? {} : { owner }) };
}
