import type { SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { getScoreHistory } from '../db/customers-repo';
import { topRiskReasons, type Translate } from '../explain/reason-text';
import { computeSnapshotIndicators } from '../indicators/snapshot-indicators';
import type { BackgroundEvent, CustomerView } from '../messaging/protocol';
import type { Locale } from '../playbooks/default-playbook';
import type { FocusedCustomer } from '../settings';
import type { CustomerStore } from './customer-store';
import type { ModelProvider } from './model-provider';
import { HandlerError, type Handlers } from './router';
import { badgeScores, historyReasons, scoreCustomers } from './scoring';

/** Reasons sent with each badge: the popover shows three. */
export const PAGE_REASONS = 3;

export interface BackgroundDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
  models: ModelProvider;
  thresholds: () => Promise<number[]>;
  focus: { get: () => Promise<FocusedCustomer | null>; set: (value: FocusedCustomer) => Promise<void> };
  openSidePanel: (tabId: number) => Promise<void>;
  emit: (event: BackgroundEvent) => void;
  locale: () => Locale;
  /** Run after the current reply has gone out (work the page need not wait for). */
  defer: (task: () => void) => void;
  t: Translate;
  now: () => number;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  async function requireScorer() {
    const scorer = await deps.models.active();
    if (!scorer) throw new HandlerError('not-found', 'No churn model is installed yet. Import or train one in Options → Models.');
    return scorer;
  }

  async function focusOn(site: SiteKey, crmId: string, tabId: number | null) {
    const previous = await deps.focus.get();
    await deps.focus.set({ site, crmId, tabId, at: deps.now() });
    if (previous?.site !== site || previous.crmId !== crmId) deps.emit({ channel: 'churn-radar-event', type: 'focus-changed', site, crmId });
  }

  function requireSite(site: SiteKey | null): SiteKey {
    if (!site) throw new HandlerError('forbidden', 'No CRM site for this sender');
    return site;
  }

  return {
    async scanPage(request, context) {
      const site = requireSite(context.site);
      const now = deps.now();
      const scorer = await requireScorer();
      const customers = await deps.customers.recordSightings(
        { site, pageKind: request.pageKind, url: request.url, adapter: request.adapter, now },
        request.customers,
      );
      const scores = badgeScores(scorer, customers, await deps.thresholds(), now);
      deps.defer(() =>
        deps.customers.recordScores(
          site,
          customers,
          scores.map((s) => ({ crmId: s.crmId, probability: s.probability, tier: s.tier, modelId: s.model.id })),
          now,
          (row) => historyReasons(scorer, row),
        ),
      );
      const only = request.customers.length === 1 ? request.customers[0] : undefined;
      if (request.pageKind === 'detail' && only) await focusOn(site, only.crmId, context.tabId);
      const focused = await deps.focus.get();
      if (focused?.site === site && request.customers.some((c) => c.crmId === focused.crmId)) {
        deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site, crmId: focused.crmId });
      }
      return { scores };
    },

    async getBadgeDetails(request, context) {
      const customer = await deps.customers.get(requireSite(context.site), request.crmId);
      if (!customer) return null;
      const scorer = await requireScorer();
      const [score] = scoreCustomers(scorer, [customer], { thresholds: await deps.thresholds(), locale: deps.locale(), t: deps.t, now: deps.now() });
      // The popover shows the top reasons; the side panel asks for the full view.
      return { reasons: topRiskReasons(score!.reasons, PAGE_REASONS), script: score!.script };
    },

    async focusCustomer(request, context) {
      await focusOn(requireSite(context.site), request.crmId, context.tabId);
      return null;
    },

    async openSidePanel(request, context) {
      await focusOn(requireSite(context.site), request.crmId, context.tabId);
      if (context.tabId !== null) await deps.openSidePanel(context.tabId);
      return null;
    },

    async getCustomerView(request): Promise<CustomerView | null> {
      let target: { site: SiteKey; crmId: string } | null = null;
      if (request.site && request.crmId) target = { site: request.site, crmId: request.crmId };
      else target = await deps.focus.get();
      if (!target) return null;
      await deps.customers.settled();
      const customer = await deps.customers.get(target.site, target.crmId);
      if (!customer) return null;
      const scorer = await deps.models.active();
      const [score] = scorer
        ? scoreCustomers(scorer, [customer], { thresholds: await deps.thresholds(), locale: deps.locale(), t: deps.t, now: deps.now() })
        : [];
      const history = await getScoreHistory(deps.db, customer.site, customer.crmId);
      return {
        site: customer.site,
        crmId: customer.crmId,
        name: customer.name,
        fields: customer.fields,
        firstSeen: customer.firstSeen,
        lastSeen: customer.lastSeen,
        observations: customer.observationCount,
        score: score ?? null,
        history: history.map((h) => ({ at: h.scoredAt, probability: h.probability, tier: h.tier })),
        indicators: computeSnapshotIndicators(customer.fields),
      };
    },

    async getModelInfo() {
      return deps.models.info();
    },

    async getTierThresholds() {
      return { thresholds: await deps.thresholds() };
    },
  };
}
