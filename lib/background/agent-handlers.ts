/**
 * The support agent's actions (side panel): log an action and its outcome,
 * flag a score as wrong, pin a tier until a date, and the worklist.
 * Overrides are kept in memory per site so a list page's badges never wait
 * for a read; every change emits `customer-updated` so open panels re-read.
 * Every write names its customer and is refused unless the page open in the
 * panel's tab shows them or the agent chose them in the worklist (tab-pages.ts).
 */
import { customerKey } from '../db/customer-key';
import { activeOverrides, addAction, addFeedback, setOutcome } from '../db/actions-repo';
import type { ChurnRadarDb } from '../db/db';
import type { ActionRow, CustomerRow, OverrideRow } from '../db/schema';
import type { SiteKey } from '../domain';
import type { AgentProtocol, WorklistItem } from '../messaging/agent-protocol';
import type { BackgroundEvent } from '../messaging/protocol';
import type { CustomerStore } from './customer-store';
import { HandlerError, type Handlers } from './router';
import { actionsCsv, nameKey } from './actions-csv';
import { buildWorklist, ownerOf } from './worklist';
import type { TabPagesService } from './tab-pages';

export interface AgentDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
  dueHours: () => Promise<Record<string, number>>;
  emit: (event: BackgroundEvent) => void;
  now: () => number;
  /** What each tab's page shows: actions are accepted only for the customer the panel's tab shows, or one chosen in the worklist. */
  tabPages: Pick<TabPagesService, 'guard'>;
  /** Customers held out in experiments' control groups (lib/experiments): never on the worklist. */
  heldKeys?: () => Promise<Set<string>>;
}

/** Unexpired overrides per site, loaded once per worker life and kept current by setOverride/clearOverride. */
export function createOverrideCache(db: ChurnRadarDb, now: () => number) {
  const bySite = new Map<SiteKey, Promise<Map<string, OverrideRow>>>();
  const load = (site: SiteKey) => {
    let entry = bySite.get(site);
    if (!entry) {
      entry = activeOverrides(db, site, now()).catch((error: unknown) => {
        bySite.delete(site);
        throw error;
      });
      bySite.set(site, entry);
    }
    return entry;
  };
  return {
    /** The site's overrides in force now. */
    async forSite(site: SiteKey): Promise<Map<string, OverrideRow>> {
      const all = await load(site);
      const at = now();
      for (const [crmId, row] of all) if (row.expiresAt <= at) all.delete(crmId);
      return all;
    },
    async set(row: OverrideRow): Promise<void> {
      await db.overrides.put(row);
      (await load(row.site)).set(row.crmId, row);
    },
    async clear(site: SiteKey, crmId: string): Promise<void> {
      await db.overrides.delete([site, crmId]);
      (await load(site)).delete(crmId);
    },
    reset: () => bySite.clear(),
  };
}

export type OverrideCache = ReturnType<typeof createOverrideCache>;

/** The worklist as the database has it now (pinned tiers applied, experiments' control customers left out), and the scored customers it was built from. */
export async function readWorklist(
  deps: Pick<AgentDeps, 'db' | 'customers' | 'dueHours' | 'heldKeys'>,
  overrides: OverrideCache,
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

export function createAgentHandlers(deps: AgentDeps, overrides: OverrideCache): Pick<Handlers, keyof AgentProtocol> {
  const changed = (site: SiteKey, crmId: string) => deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site, crmId });

  async function requireCustomer(site: SiteKey, crmId: string) {
    const customer = await deps.customers.get(site, crmId);
    if (!customer) throw new HandlerError('not-found', 'This customer has not been seen on a CRM page.');
    return customer;
  }

  return {
    async logAction(request) {
      await deps.tabPages.guard(request, request.tabId);
      await requireCustomer(request.site, request.crmId);
      const action: Omit<ActionRow, 'id'> = { site: request.site, crmId: request.crmId, at: deps.now(), kind: request.kind };
      if (request.scriptId) action.scriptId = request.scriptId;
      if (request.ruleId) action.playbookId = request.ruleId;
      if (request.note) action.note = request.note;
      const id = await addAction(deps.db, action);
      changed(request.site, request.crmId);
      return { id };
    },

    async setOutcome(request) {
      const action = await deps.db.actions.get(request.actionId);
      if (!action || action.site !== request.site) throw new HandlerError('not-found', 'That action does not exist.');
      await deps.tabPages.guard(action, request.tabId);
      if (!(await setOutcome(deps.db, request.site, request.actionId, request.outcome, deps.now())))
        throw new HandlerError('not-found', 'That action does not exist.');
      changed(action.site, action.crmId);
      return null;
    },

    async flagScore(request) {
      await deps.tabPages.guard(request, request.tabId);
      const customer = await requireCustomer(request.site, request.crmId);
      if (!customer.lastScore) throw new HandlerError('not-found', 'This customer has no score to flag yet.');
      const { probability, tier, modelId } = customer.lastScore;
      const id = await addFeedback(deps.db, {
        site: request.site,
        crmId: request.crmId,
        at: deps.now(),
        verdict: request.verdict,
        reason: request.reason,
        probability,
        tier,
        modelId,
      });
      changed(request.site, request.crmId);
      return { id };
    },

    async setOverride(request) {
      await deps.tabPages.guard(request, request.tabId);
      await requireCustomer(request.site, request.crmId);
      await overrides.set({
        site: request.site,
        crmId: request.crmId,
        tier: request.tier,
        reason: request.reason,
        at: deps.now(),
        expiresAt: request.expiresAt,
      });
      changed(request.site, request.crmId);
      return null;
    },

    async clearOverride(request) {
      await deps.tabPages.guard(request, request.tabId);
      await overrides.clear(request.site, request.crmId);
      changed(request.site, request.crmId);
      return null;
    },

    async getWorklist(request) {
      const { items, customers } = await readWorklist(deps, overrides, request);
      const owners = [...new Set(customers.map(ownerOf).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b));
      return { items: items.slice(0, 500), owners, dueHours: await deps.dueHours() };
    },

    async exportActions() {
      const actions = await deps.db.actions.toArray();
      const keys = [...new Set(actions.map((a) => customerKey(a.site, a.crmId)))].map((k) => k.split('\u0000') as [string, string]);
      const customers = await deps.db.customers.bulkGet(keys);
      const names = new Map(customers.filter((c): c is NonNullable<typeof c> => !!c).map((c) => [nameKey(c), c.name]));
      return { csv: actionsCsv(actions, names), rows: actions.length };
    },

    async listFeedback() {
      const rows = await deps.db.feedback.orderBy('at').reverse().limit(500).toArray();
      const customers = await deps.db.customers.bulkGet(rows.map((r) => [r.site, r.crmId] as [string, string]));
      return {
        items: rows.map((r, i) => ({
          site: r.site,
          crmId: r.crmId,
          name: customers[i]?.name ?? r.crmId,
          at: r.at,
          verdict: r.verdict,
          reason: r.reason,
          probability: r.probability,
          tier: r.tier,
          modelId: r.modelId,
        })),
      };
    },
  };
}
