import { customerKey } from './customer-key';
import type { ObservationBatchRow, ObservationRow } from './schema';

/** The key a batch lists its customers under (multiEntry index `*keys`). */
export const observationKey = customerKey;

/**
 * Observations are stored one row per page sighting, not one row per
 * customer: IndexedDB's cost is per record (≈130 µs each in Chromium here,
 * 100,000 customer rows ≈ 13–16 s), while 100 batches of 1,000 with a
 * multiEntry index over their customers take ≈ 2 s. The logical unit stays
 * the ObservationRow; these two functions convert.
 */
export function toBatches(rows: readonly ObservationRow[]): ObservationBatchRow[] {
  const batches = new Map<string, ObservationBatchRow>();
  for (const row of rows) {
    const group = `${row.site}\u0000${row.observedAt}\u0000${row.pageKind}\u0000${row.adapter}\u0000${row.url}`;
    let batch = batches.get(group);
    if (!batch) {
      batch = {
        site: row.site,
        observedAt: row.observedAt,
        pageKind: row.pageKind,
        url: row.url,
        adapter: row.adapter,
        keys: [],
        crmIds: [],
        names: [],
        fields: [],
      };
      batches.set(group, batch);
    }
    batch.keys.push(observationKey(row.site, row.crmId));
    batch.crmIds.push(row.crmId);
    batch.names.push(row.name);
    batch.fields.push(row.fields);
  }
  return [...batches.values()];
}

/** The observations a batch holds, or only one customer's. */
export function fromBatch(batch: ObservationBatchRow, crmId?: string): ObservationRow[] {
  const rows: ObservationRow[] = [];
  batch.crmIds.forEach((id, i) => {
    if (crmId !== undefined && id !== crmId) return;
    rows.push({
      site: batch.site,
      crmId: id,
      observedAt: batch.observedAt,
      pageKind: batch.pageKind,
      url: batch.url,
      adapter: batch.adapter,
      name: batch.names[i]!,
      fields: batch.fields[i]!,
    });
  });
  return rows;
}

/**
 * One customer's sightings with every field as it stood at each (oldest
 * first): observations store only what changed since the previous one, so
 * each carries the earlier values forward. Rows written before that change
 * hold every field and read the same.
 */
export function withCarriedFields<T extends { at: number; fields: Record<string, string> }>(sightings: readonly T[]): T[] {
  let known: Record<string, string> = {};
  return [...sightings]
    .sort((a, b) => a.at - b.at)
    .map((sighting) => {
      known = { ...known, ...sighting.fields };
      return { ...sighting, fields: known };
    });
}
