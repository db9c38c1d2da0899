import type { Activity, BadgeScore, CustomerSnapshot, SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { customerKey } from '../db/customer-key';
import { agentCommands } from '@/lib/agent/agent-commands';
import { createOverrideCache } from '@/lib/agent/override-cache';
import { readWorklist } from '@/lib/agent/read-worklist';
import { createAlertService, memoryAlertPorts, type AlertBrowserPorts } from './alert-service';
import { alertCommands } from '@/lib/alerts/alert-commands';
import type { CustomerRow, OverrideRow } from '../db/schema';
import { topRiskReasons, type Translate } from '../explain/reason-text';
import type { IndicatorSettings } from '../indicators/types';
import { synonymResolver, type FieldResolver } from '../fields/field-resolver';
import { withProductFields } from '../fields/product-fields';
import type { BackgroundEvent } from '../messaging/protocol';
import { coverage, readsProductFields, usesIndicators } from '../model/choice';
import type { Scorer } from '../model/types';
import { parseActivities } from '../parse';
import type { Locale } from '../playbooks/default-playbook';
import type { FocusedCustomer, LostRows, StorageProblem } from '../settings';
import type { CustomerStore } from './customer-store';
import { createIndicatorCache, indicatorRowIfChanged, modelInputs } from '@/lib/indicators/customer-indicators';
import { labelVersion, relabelled } from '@/lib/labels/stored-label';
import { mappingCommands, type MappingPorts } from '@/lib/mapping/mapping-commands';
import { recipeCommands, type RecipePorts } from '@/lib/recipes/recipe-commands';
import { createModelHandlers } from './model-handlers';
import { policyCommands } from '@/lib/policy/policy-commands';
import { assertUnlocked, type PolicyService } from './policy-service';
import { privacyCommands } from '@/lib/privacy/privacy-commands';
import type { PrivacyPorts } from '@/lib/privacy/privacy-deps';
import { sitesCommands } from '@/lib/sites/sites-commands';
import type { SiteService } from './sites-service';
import type { HealthService } from './health-service';
import { handlersOf } from '@/lib/messaging/commands';
import { riskCommands, type RiskDeps } from '@/lib/risk/risk-commands';
import { monitoringCommands, type MonitoringDeps } from '@/lib/monitoring/monitoring-commands';
import { playbookCommands, type PlaybookDeps } from '@/lib/playbooks/playbook-commands';
import { kpiCommands } from '@/lib/kpi/kpi-commands';
import { memoryPlaybookStore } from '../playbooks/playbook-item';
import type { ModelProvider } from './model-provider';
import { HandlerError, type Handlers } from './router';
import { badgeScores, historyReasons, type ScoringInput } from './scoring';
import { scoreOne, type ScoreOneDeps } from './score-one';
import type { SiteScoring } from './site-starter';
import { customerView } from './customer-view';
import { focusCommands } from '@/lib/focus/focus-commands';
import type { TabPagesService } from './tab-pages';
import { focusedCustomerOf } from '../focus/page-focus';
import { createExperimentHandlers } from './experiment-handlers';
import { createEnrolmentService } from '../experiments/enrolment-service';
import type { Experiment } from '../experiments/experiment';
import type { Candidate } from '../experiments/outcomes';

/** Reasons sent with each badge: the popover shows three. */
const PAGE_REASONS = 3;

export interface BackgroundDeps extends Pick<RiskDeps, 'saveThresholds' | 'saveIndicatorSettings'>, Pick<MonitoringDeps, 'retrainSchedule'> {
  db: ChurnRadarDb;
  customers: CustomerStore;
  models: ModelProvider;
  thresholds: () => Promise<number[]>;
  indicatorSettings: () => Promise<IndicatorSettings>;
  retentionDays: () => Promise<number>;
  storageProblem: () => Promise<StorageProblem | null>;
  /** What each tab's page shows: the side panel follows it, and agents' actions are checked against it. */
  tabPages: TabPagesService;
  /** Rows that could not be saved and the user has not dismissed yet; absent: none are tracked. */
  lostRows?: { get: () => Promise<LostRows | null>; acknowledge: () => Promise<void> };
  /** Contact due hours by tier (worklist). */
  dueHours: () => Promise<Record<string, number>>;
  focus: { get: () => Promise<FocusedCustomer | null>; set: (value: FocusedCustomer) => Promise<void> };
  openSidePanel: (tabId: number) => Promise<void>;
  emit: (event: BackgroundEvent) => void;
  locale: () => Locale;
  /** Run after the current reply has gone out (work the page need not wait for). */
  defer: (task: () => void) => void;
  /** Data control's browser ports (storage areas, retention); absent: those messages fail with a clear error. */
  privacy?: PrivacyPorts;
  /** The managed team policy; absent: getPolicy fails, nothing is locked. */
  policy?: PolicyService;
  t: Translate;
  now: () => number;
  /** Opt-in sites and adapter health (absent in tests that do not need them). */
  sites?: { sites: SiteService; health: HealthService };
  /** The team's stored playbook (null: the default); default: kept in memory. */
  storedPlaybook?: PlaybookDeps['storedPlaybook'];
  /** The site's field mapping over the synonyms (lib/mapping/cached-site-resolvers.ts); absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  /** Field mapping ports (storage, tabs); absent: the stored item, no tabs. */
  mapping?: MappingPorts;
  /** Site recipes and page tools (lib/recipes); absent: the stored item, no tools. */
  recipePorts?: RecipePorts;
  /** Alerts' browser side (lib/background/alert-ports.ts); default: kept in memory, no notifications. */
  alerts?: AlertBrowserPorts;
  /** The team's experiments (lib/experiments/experiments-item.ts); default: kept in memory. */
  experiments?: { get: () => Promise<Experiment[]>; set: (value: Experiment[]) => Promise<void> };
}

function memoryStore<T>(initial: T) {
  let value = initial;
  return { get: async () => value, set: async (next: T) => void (value = next) };
}

const isoDayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function createHandlers(deps: BackgroundDeps): Handlers {
  const indicatorCache = createIndicatorCache();
  const overrides = createOverrideCache(deps.db, () => deps.now());
  const storedPlaybook = deps.storedPlaybook ?? memoryPlaybookStore();
  const scoreDeps: ScoreOneDeps = { ...deps, storedPlaybook, overrides };
  const experiments = deps.experiments ?? memoryStore<Experiment[]>([]);
  const enrolment = createEnrolmentService({ db: deps.db, experiments: experiments.get, now: () => deps.now() });
  const alertPorts = deps.alerts ?? memoryAlertPorts();
  const alerts = createAlertService({
    ports: alertPorts,
    heldKeys: enrolment.heldKeys,
    worklist: async (owner) => await readWorklist({ ...deps, heldKeys: enrolment.heldKeys }, overrides, owner ? { owner } : {}),
    t: deps.t,
    locale: () => deps.t('common.intlLocale') || deps.locale(),
    now: () => deps.now(),
  });
  alertPorts.listen({ dueCheck: () => void alerts.checkDue(), clicked: (id) => void alerts.clicked(id) });
  /** Customers whose rule was worked out for a rule experiment, by the score it was worked out on (once per score). */
  const ruleChecked = new Map<string, number>();

  /**
   * After a scan's reply: enrol the page's scored customers in live
   * experiments. A rule experiment needs each customer's playbook rule, which
   * takes reasons and indicators (scoreOne), so it is worked out once per new
   * score, and only for customers not enrolled yet.
   */
  async function enrolScanned(site: SiteKey, rows: readonly CustomerRow[], scores: readonly BadgeScore[]) {
    const candidates: Candidate[] = scores.map((s) => ({ site, crmId: s.crmId, tier: s.tier, ruleId: null }));
    if (await enrolment.needsRule()) {
      const enrolled = new Set(
        (
          await deps.db.enrolments
            .where('[site+crmId]')
            .anyOf(rows.map((r) => [site, r.crmId]))
            .toArray()
        ).map((e) => e.crmId),
      );
      for (const candidate of candidates) {
        const row = rows.find((r) => r.crmId === candidate.crmId);
        const key = customerKey(site, candidate.crmId);
        if (!row || enrolled.has(candidate.crmId) || ruleChecked.get(key) === row.lastScore?.scoredAt) continue;
        const { score } = await scoreOne(scoreDeps, (await deps.customers.get(site, row.crmId)) ?? row);
        ruleChecked.set(key, row.lastScore?.scoredAt ?? 0);
        candidate.ruleId = score?.script.ruleId ?? null;
      }
    }
    await enrolment.enrol(candidates);
  }

  /** A customer opened in the popover or the side panel: enrolled if eligible now, and their hold. */
  async function holdAfterEnrolling(site: SiteKey, crmId: string, tier: number | undefined, ruleId: string | undefined) {
    if (tier !== undefined) await enrolment.enrol([{ site, crmId, tier, ruleId: ruleId ?? null }]);
    return enrolment.holdOf(site, crmId);
  }

  /** The tier shown for a score: an override in force wins, and says so. */
  function withOverride<T extends BadgeScore>(score: T, pinned: Map<string, OverrideRow>): T {
    const override = pinned.get(score.crmId);
    if (!override) return score;
    return { ...score, tier: override.tier, pinned: { modelTier: score.tier, reason: override.reason, expiresAt: override.expiresAt } };
  }

  async function requireScoring(site: SiteKey): Promise<SiteScoring> {
    const scoring = await deps.models.scoringFor(site);
    if (!scoring.scorers.length) throw new HandlerError('not-found', 'No churn model is installed yet. Import or train one in Options → Models.');
    return scoring;
  }

  async function focusOn(site: SiteKey, crmId: string, tabId: number | null) {
    const previous = await deps.focus.get();
    await deps.focus.set({ site, crmId, tabId, at: deps.now() });
    if (previous?.site !== site || previous.crmId !== crmId) deps.emit({ channel: 'churn-radar-event', type: 'focus-changed', site, crmId });
  }

  /** The agent clicked or rested on a customer's badge: that page's customer now. */
  async function picked(site: SiteKey, crmId: string, tabId: number | null) {
    if (tabId !== null) await deps.tabPages.apply(tabId, { type: 'picked', site, crmId });
    await focusOn(site, crmId, tabId);
  }

  function requireSite(site: SiteKey | null): SiteKey {
    if (!site) throw new HandlerError('forbidden', 'No CRM site for this sender');
    return site;
  }

  /** Store the activities pages listed; returns each customer's full list and the rows updated with their count. */
  async function recordActivities(site: SiteKey, rows: CustomerRow[], snapshots: readonly CustomerSnapshot[], pageNow: number, now: number, since: number) {
    const lists = new Map<string, Activity[]>();
    for (let i = 0; i < snapshots.length; i++) {
      const snapshot = snapshots[i]!;
      if (!snapshot.activities?.length) continue;
      // Relative dates ("3 days ago") are relative to the page's own today.
      const { activities } = parseActivities(snapshot.activities, { now: pageNow });
      const all = await deps.customers.recordActivities(site, snapshot.crmId, activities, now, since);
      lists.set(snapshot.crmId, all);
      const count = all.length;
      const latest = await deps.customers.patch(site, snapshot.crmId, (row) =>
        row.activityCount === count ? null : { row: { ...row, activityCount: count } },
      );
      if (latest) rows[i] = latest;
    }
    return lists;
  }

  /**
   * Model inputs for each row. Indicators are computed (the costly part) only
   * for rows that no field-reading model covers, i.e. the customers an
   * indicator-reading model serves (lib/model/choice.ts); `always` computes
   * them for every row (the side panel and popover show them anyway).
   */
  async function inputsFor(
    site: SiteKey,
    rows: readonly CustomerRow[],
    lists: Map<string, Activity[]>,
    scorers: readonly Scorer[],
    now: number,
    always = false,
  ): Promise<ScoringInput[]> {
    const indicatorScorers = scorers.filter(usesIndicators);
    const fieldScorers = scorers.filter((scorer) => !usesIndicators(scorer));
    // Imported models may read product fields (`field:*`): resolved through the site's mapping.
    const productFields = scorers.some(readsProductFields);
    const resolveField = productFields || always || indicatorScorers.length > 0 ? await deps.fieldResolver?.(site) : undefined;
    const fieldsOf = (row: CustomerRow) => (productFields ? withProductFields(row.fields, resolveField ?? synonymResolver) : row.fields);
    if (!always && indicatorScorers.length === 0) return rows.map((row) => ({ row, inputs: fieldsOf(row) }));
    const settings = await deps.indicatorSettings();
    const inputs: ScoringInput[] = [];
    for (const row of rows) {
      const fields = fieldsOf(row);
      const covered = !always && fieldScorers.some((scorer) => coverage(deps.models.sourcesOf(scorer), fields) > 0);
      if (covered) {
        inputs.push({ row, inputs: fields });
        continue;
      }
      const activities = lists.get(row.crmId) ?? (row.activityCount ? await deps.customers.activitiesOf(site, row.crmId) : NO_ACTIVITIES);
      const indicators = indicatorCache.of(row, activities, settings, now, resolveField);
      inputs.push({ row, inputs: modelInputs(row, indicators, productFields ? (resolveField ?? synonymResolver) : undefined), indicators });
    }
    return inputs;
  }

  /** After the reply: indicator history and churn labels for the customers of a page, where they changed. */
  async function recordIndicators(site: SiteKey, rows: readonly CustomerRow[], lists: Map<string, Activity[]>, now: number) {
    const settings = await deps.indicatorSettings();
    const resolveField = await deps.fieldResolver?.(site);
    const version = labelVersion(settings.churn, resolveField);
    for (const row of rows) {
      const stored = await deps.customers.get(site, row.crmId);
      if (!stored) continue; // erased since the scan
      const activities = lists.get(row.crmId) ?? (stored.activityCount ? await deps.customers.activitiesOf(site, row.crmId) : NO_ACTIVITIES);
      // The churn label is kept with the row, worked out here where the activities are at hand (lib/labels/stored-label.ts).
      await deps.customers.patch(site, row.crmId, (latest) => {
        const change = indicatorRowIfChanged(site, latest, indicatorCache.of(latest, activities, settings, now, resolveField), now);
        const base = change?.customer ?? latest;
        const labelled = relabelled(base, activities, settings.churn, resolveField, version, now);
        if (!change && !labelled) return null;
        return { row: labelled ?? base, ...(change ? { extra: { indicators: [change.indicator] } } : {}) };
      });
    }
  }

  return {
    ...createModelHandlers(deps),
    ...handlersOf(agentCommands, {
      ...deps,
      overrides,
      heldKeys: enrolment.heldKeys,
      customerChanged: (site, crmId) => deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site, crmId }),
    }),
    ...handlersOf(privacyCommands, { ...deps, overrides }),
    ...handlersOf(policyCommands, deps),
    ...handlersOf(sitesCommands, deps),
    ...handlersOf(riskCommands, { ...deps, assertUnlocked }),
    ...handlersOf(mappingCommands, deps),
    ...handlersOf(recipeCommands, deps),
    ...handlersOf(playbookCommands, { ...deps, storedPlaybook, assertUnlocked, scoreCustomer: (customer) => scoreOne(scoreDeps, customer) }),
    ...handlersOf(kpiCommands, deps),
    ...handlersOf(monitoringCommands, deps),
    ...handlersOf(focusCommands, deps),
    ...handlersOf(alertCommands, { alerts, alertSettings: alertPorts.settings }),
    ...createExperimentHandlers({
      ...deps,
      experiments,
      storedPlaybook,
      activitiesOf: (site, crmId) => deps.customers.activitiesOf(site, crmId),
      churnDefinition: async () => (await deps.indicatorSettings()).churn,
      onChange: (what) => deps.emit({ channel: 'churn-radar-event', type: what === 'playbook' ? 'playbook-changed' : 'experiments-changed' }),
    }),

    async scanPage(request, context) {
      const site = requireSite(context.site);
      // A page read before an erase that ends while this request waits (for a model, the disk) is not recorded after it.
      const since = deps.customers.erasures();
      const now = deps.now();
      const today = request.today ? isoDayMs(request.today) : undefined;
      let scoring = await requireScoring(site);
      // A re-score after a setting changed (record: false) scores what the page shows and records nothing of it:
      // an erase removes every setting, and the open pages' customers must not be written back by that.
      const record = request.record !== false;
      const rows = await deps.customers.recordSightings(
        { site, pageKind: request.pageKind, url: request.url, adapter: request.adapter, now, today },
        request.customers,
        since,
        record,
      );
      const lists = record ? await recordActivities(site, rows, request.customers, today ?? now, now, since) : new Map<string, Activity[]>();
      const inputs = await inputsFor(site, rows, lists, scoring.scorers, now);
      // A site scored label-free learns from every page: the fit and its quantile tiers follow the customers seen.
      scoring =
        (await deps.models.observe(
          site,
          inputs.map((input) => ({ crmId: input.row.crmId, inputs: input.inputs })),
        )) ?? scoring;
      const { scorers } = scoring;
      const scores = badgeScores(deps.models, scorers, inputs, scoring.thresholds ?? (await deps.thresholds()), now, scoring.ranking && scoring);
      const pinned = await overrides.forSite(site);
      deps.defer(() => {
        const inputsById = new Map(inputs.map((input) => [input.row.crmId, input.inputs]));
        const recorded = deps.customers.recordScores(
          site,
          scores.map((s) => ({ crmId: s.crmId, probability: s.probability, tier: s.tier, modelId: s.model.id })),
          now,
          (row) => historyReasons(deps.models, scorers, inputsById.get(row.crmId) ?? row.fields),
        );
        void recorded
          .then(async (changes) => {
            await recordIndicators(site, rows, lists, now);
            // Enrolment follows page views; a re-score leaves it to the next one.
            if (record) await enrolScanned(site, rows, pinned.size ? scores.map((score) => withOverride(score, pinned)) : scores);
            // After enrolment, so a customer just put in a control group is held before any alert.
            await alerts.scored(site, changes, pinned);
          })
          .catch((error: unknown) => console.error('[churn-radar] score and indicator history failed', error));
      });
      const only = request.customers.length === 1 ? request.customers[0] : undefined;
      if (request.pageKind === 'detail' && only && record) await focusOn(site, only.crmId, context.tabId);
      // Open panels re-read the customer they show: the last focused one, and this tab's page's.
      const watched = new Set(
        [await deps.focus.get(), context.tabId === null ? null : focusedCustomerOf(await deps.tabPages.get(context.tabId))].flatMap((c) =>
          c?.site === site ? [c.crmId] : [],
        ),
      );
      for (const crmId of watched)
        if (request.customers.some((c) => c.crmId === crmId)) deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site, crmId });
      const shown = pinned.size ? scores.map((score) => withOverride(score, pinned)) : scores;
      return context.rejectedRows?.length ? { scores: shown, rejected: context.rejectedRows } : { scores: shown };
    },

    async getBadgeDetails(request, context) {
      const site = requireSite(context.site);
      const customer = await deps.customers.get(site, request.crmId);
      if (!customer) return null;
      const { score, override } = await scoreOne(scoreDeps, customer, await requireScoring(site));
      const hold = await holdAfterEnrolling(site, customer.crmId, override?.tier ?? score!.tier, score!.script.ruleId);
      // The popover shows the top reasons; the side panel asks for the full view.
      return { reasons: topRiskReasons(score!.reasons, PAGE_REASONS), script: score!.script, ...(hold ? { control: { until: hold.until } } : {}) };
    },

    async focusCustomer(request, context) {
      await picked(requireSite(context.site), request.crmId, context.tabId);
      return null;
    },

    async openSidePanel(request, context) {
      await picked(requireSite(context.site), request.crmId, context.tabId);
      if (context.tabId !== null) await deps.openSidePanel(context.tabId);
      return null;
    },

    getCustomerView: (request) => customerView({ ...deps, scoreDeps, controlHold: holdAfterEnrolling }, request),

    async getModelInfo() {
      return deps.models.info();
    },

    async getTierThresholds() {
      return { thresholds: await deps.thresholds() };
    },

    async getStatus() {
      return { storageProblem: await deps.storageProblem(), lostRows: (await deps.lostRows?.get()) ?? null, retentionDays: await deps.retentionDays() };
    },

    async acknowledgeLostRows() {
      await deps.lostRows?.acknowledge();
      deps.emit({ channel: 'churn-radar-event', type: 'storage-changed' });
      return null;
    },
  };
}

const NO_ACTIVITIES: Activity[] = [];
