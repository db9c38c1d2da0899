import type { EnrolmentRow } from '../db/schema';
import type { Arm } from './assignment';
import { isLive, type Experiment, type ExperimentTarget } from './experiment';

/**
 * Who is in an experiment and how each customer ended, as pure functions.
 *
 * Outcomes are intention-to-treat and read the same way in both arms, so the
 * comparison is fair at any moment: a customer has churned once an agent
 * recorded "Churned" after enrolment or the manager's churn definition says
 * so; "Retained" recorded by an agent is shown but is not final (the customer
 * may still leave before the end date). The churn rate of an arm is churned /
 * customers enrolled: before the end date it is the churn so far, at the end
 * the experiment's answer. Counting only recorded outcomes would be biased:
 * agents record "Retained" after a call, and control customers get no call.
 */
export type CustomerOutcome = 'churned' | 'retained' | 'open';

export type { EnrolmentRow };

/** What eligibility looks at: the tier shown and the playbook rule that chose the script (null: the fallback). */
export interface Candidate {
  site: string;
  crmId: string;
  tier: number;
  ruleId: string | null;
}

const AT_RISK_FROM_TIER = 3;

export function matchesTarget(target: ExperimentTarget, candidate: Pick<Candidate, 'tier' | 'ruleId'>): boolean {
  switch (target.kind) {
    case 'rule':
      return candidate.ruleId === target.ruleId;
    case 'tier':
      return candidate.tier === target.tier;
    case 'at-risk':
      return candidate.tier >= AT_RISK_FROM_TIER;
  }
}

/** Whether working out a candidate's rule is needed at all: only a live rule experiment asks for it. */
export const needsRule = (experiments: readonly Experiment[], now: number) => experiments.some((e) => isLive(e, now) && e.target.kind === 'rule');

/**
 * The enrolments to add: candidates of each live experiment not enrolled yet,
 * up to its planned size, in candidate order. `enrolled` holds each
 * experiment's current count and keys; it is not changed.
 */
export function newEnrolments(
  experiments: readonly Experiment[],
  candidates: readonly Candidate[],
  enrolled: ReadonlyMap<string, { count: number; has: (site: string, crmId: string) => boolean }>,
  assign: (experiment: Experiment, site: string, crmId: string) => Arm,
  now: number,
): EnrolmentRow[] {
  const rows: EnrolmentRow[] = [];
  for (const experiment of experiments) {
    if (!isLive(experiment, now)) continue;
    const current = enrolled.get(experiment.id);
    let room = experiment.plannedSize - (current?.count ?? 0);
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (room <= 0) break;
      const key = `${candidate.site}\u0000${candidate.crmId}`;
      if (seen.has(key) || current?.has(candidate.site, candidate.crmId) || !matchesTarget(experiment.target, candidate)) continue;
      seen.add(key);
      rows.push({
        experimentId: experiment.id,
        site: candidate.site,
        crmId: candidate.crmId,
        arm: assign(experiment, candidate.site, candidate.crmId),
        enrolledAt: now,
      });
      room--;
    }
  }
  return rows;
}

/** A control customer's hold: no outreach until the experiment's end (null: free to contact). */
export interface ControlHold {
  experimentId: string;
  name: string;
  until: number;
}

export function controlHold(enrolments: readonly EnrolmentRow[], experiments: readonly Experiment[], now: number): ControlHold | null {
  let hold: ControlHold | null = null;
  for (const row of enrolments) {
    if (row.arm !== 'control') continue;
    const experiment = experiments.find((e) => e.id === row.experimentId);
    if (experiment?.status !== 'running' || now >= experiment.endsAt) continue;
    // In two experiments at once, the later end is the one the agent must respect.
    if (!hold || experiment.endsAt > hold.until) hold = { experimentId: experiment.id, name: experiment.name, until: experiment.endsAt };
  }
  return hold;
}

/** A recorded action outcome, as the agents' log holds it. */
export interface RecordedOutcome {
  kind: string;
  at: number;
}

/** How an enrolled customer ended: recorded churn or the churn definition, else a recorded retention, else open. */
export function outcomeOf(enrolledAt: number, recorded: readonly RecordedOutcome[], churnedByDefinition: boolean | null): CustomerOutcome {
  const since = recorded.filter((o) => o.at >= enrolledAt);
  if (churnedByDefinition === true || since.some((o) => o.kind === 'churned')) return 'churned';
  return since.some((o) => o.kind === 'retained') ? 'retained' : 'open';
}
