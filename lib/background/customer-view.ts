/**
 * The side panel's view of one customer (getCustomerView): score, history,
 * indicators, actions, feedback and what changed since the agent's last visit,
 * which this read records.
 */
import { getActions, getFeedback } from '@/lib/db/actions-repo';
import { getScoreHistory } from '@/lib/db/customers-repo';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { SiteKey } from '@/lib/domain';
import { nextVisits, sinceLastVisit, visitSnapshot } from '@/lib/indicators/customer-indicators';
import type { CustomerView, RequestOf } from '@/lib/messaging/protocol';
import type { ControlHold } from '@/lib/experiments/outcomes';
import type { FocusedCustomer } from '@/lib/settings';
import type { CustomerStore } from './customer-store';
import { scoreOne, type ScoreOneDeps } from './score-one';
import { median, quadrantOf } from '@/lib/agent/worklist';
import { ownerOf } from '@/lib/db/worklist-keys';

/** Activities shown in the side panel. */
const VIEW_ACTIVITIES = 20;

export interface CustomerViewDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
  focus: { get: () => Promise<FocusedCustomer | null> };
  scoreDeps: ScoreOneDeps;
  /** Enrols the customer in a live experiment if eligible now, and gives their control hold (null: contact as usual). */
  controlHold: (site: SiteKey, crmId: string, tier: number | undefined, ruleId: string | undefined) => Promise<ControlHold | null>;
  now: () => number;
}

export async function customerView(deps: CustomerViewDeps, request: RequestOf<'getCustomerView'>): Promise<CustomerView | null> {
  const target = request.site && request.crmId ? { site: request.site, crmId: request.crmId } : await deps.focus.get();
  if (!target) return null;
  await deps.customers.settled();
  const customer = await deps.customers.get(target.site, target.crmId);
  if (!customer) return null;
  const now = deps.now();
  const [{ score, indicators: result, activities, override }, history, actions, feedback, siteValues] = await Promise.all([
    scoreOne(deps.scoreDeps, customer),
    getScoreHistory(deps.db, customer.site, customer.crmId),
    getActions(deps.db, customer.site, customer.crmId),
    getFeedback(deps.db, customer.site, customer.crmId),
    siteValuesOf(deps.db, customer.site),
  ]);
  const contributions = Object.fromEntries((score?.reasons ?? []).map((r) => [r.field, r.contribution]));
  const snapshot = visitSnapshot(now, score?.probability ?? null, result, contributions);
  // Applied to the row as it is after the reads above: a scan or score written meanwhile is kept.
  const visited = await deps.customers.patch(customer.site, customer.crmId, (row) => ({ row: { ...row, visits: nextVisits(row.visits, snapshot) } }));
  const visits = visited?.visits ?? nextVisits(customer.visits, snapshot);
  const control = await deps.controlHold(customer.site, customer.crmId, score ? (override?.tier ?? score.tier) : undefined, score?.script.ruleId);
  return {
    site: customer.site,
    crmId: customer.crmId,
    name: customer.name,
    fields: customer.fields,
    firstSeen: customer.firstSeen,
    lastSeen: customer.lastSeen,
    observations: customer.observationCount,
    score,
    history: history.map((h) => ({ at: h.scoredAt, probability: h.probability, tier: h.tier })),
    indicators: result.values,
    lifecycle: result.lifecycle,
    pattern: result.pattern,
    sinceLastVisit: sinceLastVisit(visits.previous, visits.current!),
    activities: activities
      .slice(-VIEW_ACTIVITIES)
      .reverse()
      .map(({ kind, at, amount, quantity, status, text }) => ({ kind, at, amount, quantity, status, text })),
    asOf: customer.today ?? null,
    actions: actions
      .reverse()
      .map(({ id, at, kind, scriptId, playbookId, note, outcome }) => ({ id: id!, at, kind, scriptId, ruleId: playbookId, note, outcome })),
    feedback: feedback.reverse().map(({ at, verdict, reason, probability, tier }) => ({ at, verdict, reason, probability, tier })),
    override: override ? { tier: override.tier, reason: override.reason, at: override.at, expiresAt: override.expiresAt } : null,
    value: customer.value ?? null,
    owner: ownerOf(customer),
    quadrant: score ? quadrantOf(override?.tier ?? score.tier, customer.value, median(siteValues)) : null,
    url: customer.detailUrl ?? null,
    control,
  };
}

/** The monthly values of a site's customers (from the [site+value] index, keys only). */
async function siteValuesOf(db: ChurnRadarDb, site: SiteKey): Promise<number[]> {
  const keys = await db.customers.where('[site+value]').between([site, -Infinity], [site, Infinity]).keys();
  return keys.map((key) => (key as unknown as [string, number])[1]);
}
