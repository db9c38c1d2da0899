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
import type { CustomerRow, EnrolmentRow, StoredLabel } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnDefinition } from '../indicators/types';
import { labelRows, staleRows, storeWorkedLabels } from '../labels/label-rows';
import { resolversOf } from '../labels/resolvers-by-site';
import type { Experiment } from './experiment';
import { outcomeOf, type RecordedOutcome } from './outcomes';
import type { ResultCustomer } from './results-file';

export interface OutcomeDeps {
  db: ChurnRadarDb;
  activitiesOf: (site: SiteKey, crmId: string) => Promise<Activity[]>;
  churnDefinition: () => Promise<ChurnDefinition>;
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  now: () => number;
  /** Runs work the reply need not wait for (storing labels worked out for this view); absent: done before replying. */
  defer?: (task: () => void) => void;
}

export interface OutcomeInputs {
  enrolments: readonly EnrolmentRow[];
  /** Recorded action outcomes by customer key. */
  recorded: ReadonlyMap<string, RecordedOutcome[]>;
  /** The churn label of each enrolment's customer (same order; lib/labels/label-rows.ts); undefined: erased since. */
  labels: readonly (Pick<StoredLabel, 'churned'> | undefined)[];
}

const NONE: readonly RecordedOutcome[] = [];

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
    const recorded = inputs.recorded.get(customerKey(enrolment.site, enrolment.crmId));
    const inWindow = recorded ? recorded.filter((o) => o.at <= experiment.endsAt) : NONE;
    out.push({
      site: enrolment.site,
      crmId: enrolment.crmId,
      arm: enrolment.arm,
      enrolledAt: enrolment.enrolledAt,
      outcome: outcomeOf(enrolment.enrolledAt, inWindow, inputs.labels[i]?.churned ?? null),
    });
  }
  return out;
}

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
  const context = { definition, resolvers: await resolversOf(enrolments, deps.fieldResolver), now: deps.now() };
  // Stored labels are read as they are; activities only for the rows whose label must be worked out.
  const activities = new Map<CustomerRow, Activity[]>();
  for (const row of staleRows(rows, context)) if (row.activityCount) activities.set(row, await deps.activitiesOf(row.site, row.crmId));
  const labelled = labelRows(rows, context, (row) => activities.get(row));
  await storeWorkedLabels(deps.db, rows, labelled, deps.defer);
  return resolveOutcomes(experiment, { enrolments, recorded, labels: labelled.labels });
}
