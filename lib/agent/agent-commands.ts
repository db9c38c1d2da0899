/**
 * The support agent's messages (side panel → background): log an action and
 * its outcome, flag a score as wrong, pin a tier until a date, read the
 * worklist; and, for managers, every action as CSV and the flags. Every write
 * names its customer and is refused unless the page open in the panel's tab
 * shows them or the agent chose them in the worklist (lib/focus/action-guard.ts);
 * every change tells open panels to re-read.
 */
import { z } from 'zod';
import { addAction, addFeedback, setOutcome } from '@/lib/db/actions-repo';
import { customerKey } from '@/lib/db/customer-key';
import type { ActionRow, CustomerRow } from '@/lib/db/schema';
import type { SiteKey } from '@/lib/domain';
import { followedTab } from '@/lib/focus/followed-tab-schema';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { actionsCsv, nameKey } from './actions-csv';
import { feedbackViewSchema, tierSchema, worklistItemSchema } from './agent-views';
import type { OverrideCache } from './override-cache';
import { readWorklist, worklistOwners, type WorklistSources } from './read-worklist';

export interface AgentDeps extends WorklistSources {
  customers: WorklistSources['customers'] & { get: (site: SiteKey, crmId: string) => Promise<CustomerRow | undefined> };
  overrides: OverrideCache;
  /** Open panels showing this customer re-read it (the background emits `customer-updated`). */
  customerChanged: (site: SiteKey, crmId: string) => void;
  now: () => number;
  /** What each tab's page shows: refuses an action on a customer the panel's tab does not show (HandlerError 'wrong-customer'). */
  tabPages: { guard: (target: { site: SiteKey; crmId: string }, tabId: number | null) => Promise<unknown> };
}

const site = z.string().min(1).max(512);
const crmId = z.string().min(1).max(256);
const ACTION_KINDS = ['called', 'emailed', 'offer', 'meeting', 'no_contact'] as const;
const OUTCOME_KINDS = ['retained', 'churned', 'no_answer', 'pending'] as const;
const YEAR_MS = 366 * 86_400_000;
const created = z.object({ id: z.number() });
/** Items the side panel's worklist shows (the biggest expected losses first). */
const WORKLIST_PAGE = 500;

async function requireCustomer(deps: AgentDeps, site: SiteKey, crmId: string) {
  const customer = await deps.customers.get(site, crmId);
  if (!customer) throw new HandlerError('not-found', 'This customer has not been seen on a CRM page.');
  return customer;
}

const command = commandsFor<AgentDeps>();

export const agentCommands = {
  logAction: command({
    request: z.strictObject({
      site,
      crmId,
      kind: z.enum(ACTION_KINDS),
      scriptId: z.string().max(128).optional(),
      ruleId: z.string().max(128).optional(),
      note: z.string().max(2000).optional(),
      ...followedTab,
    }),
    response: created,
    audience: 'extension',
    async handle(request, deps) {
      await deps.tabPages.guard(request, request.tabId);
      await requireCustomer(deps, request.site, request.crmId);
      const action: Omit<ActionRow, 'id'> = { site: request.site, crmId: request.crmId, at: deps.now(), kind: request.kind };
      if (request.scriptId) action.scriptId = request.scriptId;
      if (request.ruleId) action.playbookId = request.ruleId;
      if (request.note) action.note = request.note;
      const id = await addAction(deps.db, action);
      deps.customerChanged(request.site, request.crmId);
      return { id };
    },
  }),

  setOutcome: command({
    request: z.strictObject({ site, actionId: z.number().int().positive(), outcome: z.enum(OUTCOME_KINDS), ...followedTab }),
    response: z.null(),
    audience: 'extension',
    async handle(request, deps) {
      const action = await deps.db.actions.get(request.actionId);
      if (!action || action.site !== request.site) throw new HandlerError('not-found', 'That action does not exist.');
      await deps.tabPages.guard(action, request.tabId);
      if (!(await setOutcome(deps.db, request.site, request.actionId, request.outcome, deps.now())))
        throw new HandlerError('not-found', 'That action does not exist.');
      deps.customerChanged(action.site, action.crmId);
      return null;
    },
  }),

  flagScore: command({
    request: z.strictObject({ site, crmId, verdict: z.enum(['too_high', 'too_low']), reason: z.string().min(1).max(500), ...followedTab }),
    response: created,
    audience: 'extension',
    async handle(request, deps) {
      await deps.tabPages.guard(request, request.tabId);
      const customer = await requireCustomer(deps, request.site, request.crmId);
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
      deps.customerChanged(request.site, request.crmId);
      return { id };
    },
  }),

  setOverride: command({
    request: z.strictObject({
      site,
      crmId,
      tier: tierSchema,
      reason: z.string().min(1).max(500),
      // An override always ends: at most a year ahead.
      expiresAt: z.number().refine((at) => at > Date.now() && at <= Date.now() + YEAR_MS, 'the expiry must be in the future, within a year'),
      ...followedTab,
    }),
    response: z.null(),
    audience: 'extension',
    async handle(request, deps) {
      await deps.tabPages.guard(request, request.tabId);
      await requireCustomer(deps, request.site, request.crmId);
      await deps.overrides.set({
        site: request.site,
        crmId: request.crmId,
        tier: request.tier,
        reason: request.reason,
        at: deps.now(),
        expiresAt: request.expiresAt,
      });
      deps.customerChanged(request.site, request.crmId);
      return null;
    },
  }),

  clearOverride: command({
    request: z.strictObject({ site, crmId, ...followedTab }),
    response: z.null(),
    audience: 'extension',
    async handle(request, deps) {
      await deps.tabPages.guard(request, request.tabId);
      await deps.overrides.clear(request.site, request.crmId);
      deps.customerChanged(request.site, request.crmId);
      return null;
    },
  }),

  getWorklist: command({
    request: z.strictObject({ owner: z.string().max(256).optional(), tiers: z.array(tierSchema).max(5).optional() }),
    response: z.object({ items: z.array(worklistItemSchema), owners: z.array(z.string()), dueHours: z.record(z.string(), z.number()) }),
    audience: 'extension',
    async handle(request, deps) {
      const [items, owners] = await Promise.all([readWorklist(deps, deps.overrides, request, WORKLIST_PAGE), worklistOwners(deps.db)]);
      return { items, owners, dueHours: await deps.dueHours() };
    },
  }),

  /** Every logged action with its outcome, as CSV (one row per action). */
  exportActions: command({
    request: z.strictObject({}),
    response: z.object({ csv: z.string(), rows: z.number() }),
    audience: 'extension',
    async handle(_request, deps) {
      const actions = await deps.db.actions.toArray();
      const keys = [...new Set(actions.map((a) => customerKey(a.site, a.crmId)))].map((k) => k.split('\u0000') as [string, string]);
      const customers = await deps.db.customers.bulkGet(keys);
      const names = new Map(customers.filter((c): c is NonNullable<typeof c> => !!c).map((c) => [nameKey(c), c.name]));
      return { csv: actionsCsv(actions, names), rows: actions.length };
    },
  }),

  /** "Score looks wrong" flags for managers, newest first. */
  listFeedback: command({
    request: z.strictObject({}),
    response: z.object({ items: z.array(feedbackViewSchema.extend({ site: z.string(), crmId: z.string(), name: z.string(), modelId: z.string() })) }),
    audience: 'extension',
    async handle(_request, deps) {
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
  }),
};
