import type { Transaction } from 'dexie';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import type { ModelRow } from '../schema';

/**
 * v5 → v6: every stored model records the sites it scores.
 * - Bundled models (trained on the demo CRM's export): the demo CRM only.
 * - Any other model that is active: every site that has customers stored,
 *   so a team's own model keeps scoring what it scored before the upgrade
 *   (version 4 did not record where a model's training rows came from).
 * - Any other model: none, until a manager assigns it.
 * The meta keys are version 4's own, unchanged in 5 (frozen here, not imported: a migration
 * must read what that version wrote).
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const meta = tx.table<{ key: string; value: unknown }, string>('meta');
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const bundledNames = new Set(strings((await meta.get('bundledModelsInstalled'))?.value));
  const catalog = ((await meta.get('modelCatalog'))?.value ?? {}) as Record<string, { origin?: string } | undefined>;
  const activeRow = await meta.get('activeModelIds');
  const legacy = (await meta.get('activeModelId'))?.value;
  const active = new Set(activeRow ? strings(activeRow.value) : typeof legacy === 'string' ? [legacy] : []);
  const customerSites = (await tx.table('customers').orderBy('site').uniqueKeys()).map(String);
  await tx
    .table<ModelRow, string>('models')
    .toCollection()
    .modify((row) => {
      const bundled = catalog[row.id]?.origin === 'bundled' || (catalog[row.id] === undefined && bundledNames.has(row.artifact.name));
      row.sites = bundled ? [DEMO_CRM_ORIGIN] : active.has(row.id) ? customerSites : [];
    });
}
