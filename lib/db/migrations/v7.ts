import type { Transaction } from 'dexie';
import type { CustomerRow } from '../schema';
import { withWorklistKeys } from '../worklist-keys';

/** v6 → v7: every stored customer gets its derived worklist keys (worklist-keys.ts), so the new indexes hold them. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table<CustomerRow, [string, string]>('customers')
    .toCollection()
    .modify((row, ref) => {
      ref.value = withWorklistKeys(row);
    });
}
