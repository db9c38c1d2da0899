import type { Transaction } from 'dexie';
import { toBatches } from '../observation-batches';
import type { ObservationRow } from '../schema';

/** v2 → v3: every observation row regrouped into page-sighting batches (the old table is dropped after this runs). */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const rows = await tx.table<ObservationRow>('observations').orderBy('id').toArray();
  if (rows.length) await tx.table('observationBatches').bulkAdd(toBatches(rows));
}
