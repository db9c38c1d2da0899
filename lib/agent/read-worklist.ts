import { customerKey } from '@/lib/db/customer-key';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { ActionRow, CustomerRow, OverrideRow } from '@/lib/db/schema';
import type { WorklistItem } from './agent-views';
import type { OverrideCache } from './override-cache';
import { buildWorklist } from './worklist';

export interface WorklistSources {
  db: ChurnRadarDb;
  /** Pending history writes: the worklist waits for them, so a customer just scanned is on it. */
  customers: { settled: () => Promise<void> };
  /** Contact due hours by tier. */
  dueHours: () => Promise<Record<string, number>>;
  /** Customers held out in experiments' control groups (lib/experiments): never on the worklist. */
  heldKeys?: () => Promise<Set<string>>;
}

/** The worklist as the database has it now (pinned tiers applied, experiments' control customers left out), and the scored customers it was built from. */
export async function readWorklist(
  deps: WorklistSources,
  overrides: Pick<OverrideCache, 'forSite'>,
  filter: Parameters<typeof buildWorklist>[4],
): Promise<{ items: WorklistItem[]; customers: CustomerRow[] }> {
  await deps.customers.settled();
  const customers = await deps.db.customers.filter((row) => !!row.lastScore).toArray();
  const sites = [...new Set(customers.map((c) => c.site))];
  const overridden = new Map<string, OverrideRow>();
  for (const site of sites) for (const [crmId, row] of await overrides.forSite(site)) overridden.set(customerKey(site, crmId), row);
  const latestAction = new Map<string, ActionRow>();
  await deps.db.actions.orderBy('at').each((action) => void latestAction.set(customerKey(action.site, action.crmId), action));
  const held = (await deps.heldKeys?.()) ?? new Set<string>();
  const items = buildWorklist(customers, overridden, latestAction, await deps.dueHours(), filter).filter(
    (item) => !held.has(customerKey(item.site, item.crmId)),
  );
  return { items, customers };
}
