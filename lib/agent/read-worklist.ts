import { customerKey } from '@/lib/db/customer-key';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { ActionRow, CustomerRow, OverrideRow } from '@/lib/db/schema';
import { AT_RISK_TIER } from '@/lib/db/worklist-keys';
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

const NO_ACTIONS: ReadonlyMap<string, ActionRow> = new Map();

/**
 * The worklist as the database has it now (pinned tiers applied, experiments'
 * control customers left out), at most `limit` items, without reading the
 * customers table: the at-risk customers are walked in the worklist's own
 * order on the worklistRank index (lib/db/worklist-keys.ts) until `limit`
 * pass the filter; customers pinned to an at-risk tier are read by key; the
 * last action only of the customers listed. 100,000 stored customers cost
 * what the first page of the list costs.
 */
export async function readWorklist(
  deps: WorklistSources,
  overrides: Pick<OverrideCache, 'forSite'>,
  filter: Parameters<typeof buildWorklist>[4],
  limit = Number.POSITIVE_INFINITY,
): Promise<WorklistItem[]> {
  const { db } = deps;
  await deps.customers.settled();
  const [sites, held, dueHours] = await Promise.all([
    db.customers.orderBy('site').uniqueKeys() as Promise<string[]>,
    deps.heldKeys?.() ?? Promise.resolve(new Set<string>()),
    deps.dueHours(),
  ]);
  const overridden = new Map<string, OverrideRow>();
  for (const site of sites) for (const [crmId, row] of await overrides.forSite(site)) overridden.set(customerKey(site, crmId), row);
  const listed = (row: CustomerRow) => !held.has(customerKey(row.site, row.crmId)) && buildWorklist([row], overridden, NO_ACTIONS, dueHours, filter).length > 0;
  const rows: CustomerRow[] = [];
  const seen = new Set<string>();
  await db.customers
    .orderBy('worklistRank')
    .reverse()
    .until(() => rows.length >= limit)
    .each((row) => {
      seen.add(customerKey(row.site, row.crmId));
      if (listed(row)) rows.push(row);
    });
  // Pinned at an at-risk tier while scored below it: not on the index.
  const pinned = [...overridden.values()].filter((o) => o.tier >= AT_RISK_TIER && !seen.has(customerKey(o.site, o.crmId)));
  for (const row of await db.customers.bulkGet(pinned.map((o) => [o.site, o.crmId] as [string, string]))) if (row && listed(row)) rows.push(row);
  const lastActions = await Promise.all(
    rows.map((row) => db.actions.where('[site+crmId+at]').between([row.site, row.crmId, -Infinity], [row.site, row.crmId, Infinity]).last()),
  );
  const latestAction = new Map<string, ActionRow>();
  rows.forEach((row, i) => {
    const action = lastActions[i];
    if (action) latestAction.set(customerKey(row.site, row.crmId), action);
  });
  return buildWorklist(rows, overridden, latestAction, dueHours, filter).slice(0, limit);
}

/** Every account owner of a stored customer, sorted (read from the owner index, no rows). */
export async function worklistOwners(db: ChurnRadarDb): Promise<string[]> {
  return ((await db.customers.orderBy('owner').uniqueKeys()) as string[]).sort((a, b) => a.localeCompare(b));
}
