/**
 * One stored customer scored in depth, the one way the badge popover, the
 * side panel and the playbook preview all do it: indicators from its
 * activities and observations read through the site's field mapping, the
 * playbook in force, and an agent's pinned tier choosing the script.
 */
import type { Activity, CustomerScore, SiteKey } from '../domain';
import { getObservations } from '../db/customers-repo';
import type { ChurnRadarDb } from '../db/db';
import type { CustomerRow, OverrideRow } from '../db/schema';
import type { Translate } from '../explain/reason-text';
import { synonymResolver, type FieldResolver } from '../fields/field-resolver';
import { computeIndicators } from '../indicators';
import type { IndicatorResult, IndicatorSettings } from '../indicators/types';
import type { Locale } from '../playbooks/default-playbook';
import { playbookInForce } from '../playbooks/playbook-item';
import type { CustomerStore } from './customer-store';
import { customerHistory, modelInputs } from '@/lib/indicators/customer-indicators';
import type { ModelProvider } from './model-provider';
import { scoreCustomers } from './scoring';
import type { SiteScoring } from './site-starter';

export interface ScoreOneDeps {
  db: ChurnRadarDb;
  customers: Pick<CustomerStore, 'activitiesOf'>;
  models: ModelProvider;
  thresholds: () => Promise<number[]>;
  indicatorSettings: () => Promise<IndicatorSettings>;
  storedPlaybook: { get: () => Promise<unknown> };
  /** Agents' pinned tiers in force; absent: none. */
  overrides?: { forSite: (site: SiteKey) => Promise<Map<string, OverrideRow>> };
  /** The site's field mapping over the synonyms; absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  locale: () => Locale;
  t: Translate;
  now: () => number;
}

export interface ScoredCustomer {
  /** Null when no model is installed. */
  score: CustomerScore | null;
  indicators: IndicatorResult;
  /** All stored activities, oldest first. */
  activities: Activity[];
  override: OverrideRow | null;
  resolveField: FieldResolver | undefined;
}

export async function scoreOne(deps: ScoreOneDeps, customer: CustomerRow, given?: SiteScoring): Promise<ScoredCustomer> {
  const now = deps.now();
  const [activities, observations, settings, scoring, managerThresholds, playbook, pinned, resolveField] = await Promise.all([
    deps.customers.activitiesOf(customer.site, customer.crmId),
    getObservations(deps.db, customer.site, customer.crmId),
    deps.indicatorSettings(),
    given ?? deps.models.scoringFor(customer.site),
    deps.thresholds(),
    deps.storedPlaybook.get(),
    deps.overrides?.forSite(customer.site),
    deps.fieldResolver?.(customer.site),
  ]);
  const override = pinned?.get(customer.crmId) ?? null;
  const history = customerHistory(
    customer,
    activities,
    now,
    observations.map((o) => ({ at: o.observedAt, fields: o.fields })),
    resolveField,
  );
  const indicators = computeIndicators(history, settings);
  const [score] = scoring.scorers.length
    ? scoreCustomers(
        deps.models,
        scoring.scorers,
        [{ row: customer, inputs: modelInputs(customer, indicators, resolveField ?? synonymResolver), indicators }],
        {
          thresholds: scoring.thresholds ?? managerThresholds,
          ranking: scoring.ranking && scoring,
          playbook: playbookInForce(playbook),
          locale: deps.locale(),
          t: deps.t,
          now,
          resolveField,
          ...(override ? { tierOverride: override.tier } : {}),
        },
      )
    : [];
  return { score: score ?? null, indicators, activities, override, resolveField };
}
