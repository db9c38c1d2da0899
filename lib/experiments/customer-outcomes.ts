/**
 * Each enrolled customer's outcome now, read from what this browser stored:
 * the agents' recorded outcomes and the manager's churn definition (the one
 * labelling of lib/labels, so "churned" means here what it means on the
 * dashboard). enrolledOutcomes reads the database; resolveOutcomes is the
 * pure part (benchmarked on 100k customers).
 */
import type { Activity, SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { customerKey } from '../db/customer-key';
import type { CustomerRow, EnrolmentRow } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnDefinition } from '../indicators/types';
import { labelCustomer } from '../labels/label-customer';
import { resolversOf } from '../labels/resolvers-by-site';
import type { Experiment } from './experiment';
import { createLabelCaches, type LabelCache } from './label-cache';
import { outcomeOf, type RecordedOutcome } from './outcomes';
import type { ResultCustomer } from './results-file';

export interface OutcomeDeps {
  db: ChurnRadarDb;
  activitiesOf: (site: SiteKey, crmId: string) => Promise<Activity[]>;
  churnDefinition: () => Promise<ChurnDefinition>;
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  now: () => number;
}

export interface OutcomeInputs {
  enrolments: readonly EnrolmentRow[];
  /** The customer row of each enrolment (same order; undefined: erased since). */
  rows: readonly (CustomerRow | undefined)[];
  /** Recorded action outcomes by customer key. */
  recorded: ReadonlyMap<string, RecordedOutcome[]>;
  /** Activities by customer key (only customers that have some). */
  activities: ReadonlyMap<string, readonly Activity[]>;
  definition: ChurnDefinition;
  resolvers: ReadonlyMap<string, FieldResolver>;
  now: number;
  /** Labels already worked out under this definition (./label-cache.ts): a manager re-reads the tab. */
  labels?: LabelCache;
}

const NONE: readonly RecordedOutcome[] = [];
const NO_ACTIVITIES: readonly Activity[] = [];

/**
 * Outcomes of enrolled customers. Recorded outcomes after the end date are
 * outside the experiment. The churn definition can only read the latest page
 * data, so a customer who churned after the end and was seen since counts as
 * churned (in both arms alike).
 */
export function resolveOutcomes(experiment: Pick<Experiment, 'endsAt'>, inputs: OutcomeInputs): ResultCustomer[] {
  const out: ResultCustomer[] = [];
  for (let i = 0; i < inputs.enrolments.length; i++) {
    const enrolment = inputs.enrolments[i]!;
    const row = inputs.rows[i];
    const key = customerKey(enrolment.site, enrolment.crmId);
    const recorded = inputs.recorded.get(key);
    const inWindow = recorded ? recorded.filter((o) => o.at <= experiment.endsAt) : NONE;
    let churned: boolean | null = null;
    if (row) {
      const known = inputs.labels?.get(key, row, inputs.now);
      if (known !== undefined) churned = known;
      else {
        churned = labelCustomer(
          row,
          inputs.activities.get(key) ?? NO_ACTIVITIES,
          undefined,
          inputs.definition,
          inputs.resolvers.get(row.site),
          row.today ?? inputs.now,
        ).churned;
        inputs.labels?.set(key, row, inputs.now, churned);
      }
    }
    out.push({
      site: enrolment.site,
      crmId: enrolment.crmId,
      arm: enrolment.arm,
      enrolledAt: enrolment.enrolledAt,
      outcome: outcomeOf(enrolment.enrolledAt, inWindow, churned),
    });
  }
  return out;
}

/** Labels kept for the worker's life (see OutcomeInputs.labels); a label whose inputs changed is worked out again. */
const LABELS = createLabelCaches();

export async function enrolledOutcomes(deps: OutcomeDeps, experiment: Experiment): Promise<ResultCustomer[]> {
  const enrolments = await deps.db.enrolments.where('experimentId').equals(experiment.id).toArray();
  if (!enrolments.length) return [];
  const [rows, definition] = await Promise.all([
    deps.db.customers.bulkGet(enrolments.map((e) => [e.site, e.crmId] as [string, string])),
    deps.churnDefinition(),
  ]);
  const wanted = new Set(enrolments.map((e) => customerKey(e.site, e.crmId)));
  const recorded = new Map<string, RecordedOutcome[]>();
  await deps.db.actions.each((action) => {
    const key = customerKey(action.site, action.crmId);
    if (!action.outcome || !wanted.has(key)) return;
    const list = recorded.get(key) ?? [];
    list.push({ kind: action.outcome.kind, at: action.outcome.at });
    recorded.set(key, list);
  });
  const activities = new Map<string, Activity[]>();
  for (const row of rows) if (row?.activityCount) activities.set(customerKey(row.site, row.crmId), await deps.activitiesOf(row.site, row.crmId));
  const resolvers = await resolversOf(enrolments, deps.fieldResolver);
  return resolveOutcomes(experiment, {
    enrolments,
    rows,
    recorded,
    activities,
    definition,
    resolvers,
    now: deps.now(),
    labels: LABELS.forDefinition(definition),
  });
}
