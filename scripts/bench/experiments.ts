/**
 * experiments_results_100k_ms: an experiment's results on 100,000 scored
 * customers, the pure path the background runs after its database reads —
 * every customer's outcome (recorded outcomes and the churn definition on
 * its fields, lib/labels), the tally per arm, Wilson, Newcombe and the
 * always-valid interval (target ≤ 500 ms), with the labels scans stored on
 * the rows, and _relabel_ with every label worked out (after a change of the
 * churn definition or mapping). Also experiments_assign_100k_ms:
 * deterministic arms for 100,000 customer keys, and
 * experiments_enrol_100k_ms: the enrolment decision for 100,000 candidates.
 * IndexedDB reads are not in these figures (Node has no real IndexedDB).
 * Figures are CPU milliseconds of the benchmark process (best of five).
 */
import { armOf } from '@/lib/experiments/assignment';
import { resolveOutcomes } from '@/lib/experiments/customer-outcomes';
import type { Experiment } from '@/lib/experiments/experiment';
import { labelRows } from '@/lib/labels/label-rows';
import { newEnrolments, type Candidate } from '@/lib/experiments/outcomes';
import { experimentResult, tallyArms } from '@/lib/experiments/results';
import type { EnrolmentRow } from '@/lib/db/schema';
import { BENCH_CUSTOMERS, BENCH_NOW, BENCH_SITE, bestCpuMs, benchCustomers, DAY } from './customers-100k';
import { DEFAULT_CHURN_DEFINITION } from '@/lib/indicators/types';
import { mulberry32 } from '@/lib/model/prng';
import type { RecordedOutcome } from '@/lib/experiments/outcomes';

const N = BENCH_CUSTOMERS;
const SITE = BENCH_SITE;

export function benchExperiments(options: { log: (line: string) => void; runs?: number }): Record<string, number> {
  const random = mulberry32(16);
  const now = BENCH_NOW;
  const experiment: Experiment = {
    id: 'bench-offer-2026-11-01',
    name: 'Bench offer',
    target: { kind: 'at-risk' },
    controlShare: 0.1,
    startsAt: now - 36 * DAY,
    endsAt: now + DAY,
    plannedSize: N,
    plan: { controlRate: 0.3, treatedRate: 0.24 },
    status: 'running',
    createdAt: now - 36 * DAY,
  };
  const rows = benchCustomers(random, N, now);
  const best = (work: () => void) => bestCpuMs(work, options.runs ?? 5);

  let enrolments: EnrolmentRow[] = [];
  const assignMs = best(() => {
    enrolments = rows.map((row) => ({
      experimentId: experiment.id,
      site: SITE,
      crmId: row.crmId,
      arm: armOf(experiment.id, `${SITE}\u0000${row.crmId}`, experiment.controlShare),
      enrolledAt: now - 30 * DAY,
    }));
  });
  const candidates: Candidate[] = rows.map((row) => ({ site: SITE, crmId: row.crmId, tier: row.lastScore!.tier, ruleId: null }));
  const enrolMs = best(
    () => void newEnrolments([experiment], candidates, new Map(), (e, site, crmId) => armOf(e.id, `${site}\u0000${crmId}`, e.controlShare), now),
  );
  const recorded = new Map<string, RecordedOutcome[]>();
  for (let i = 0; i < N; i += 7) recorded.set(`${SITE}\u0000C-${i}`, [{ kind: random() < 0.5 ? 'retained' : 'churned', at: now - 10 * DAY }]);
  const definition = { ...DEFAULT_CHURN_DEFINITION, statusValues: ['Churned'] };
  let control = 0;
  let uplift = 0;
  const context = { definition, resolvers: new Map(), now };
  // The rows as scans store them: each with its label (lib/labels/stored-label.ts).
  const labelled = labelRows(rows, context);
  const stored = rows.map((row, i) => ({ ...row, label: labelled.labels[i]! }));
  const results = (view: readonly (typeof rows)[number][]) => () => {
    const customers = resolveOutcomes(experiment, { enrolments, recorded, labels: labelRows(view, context).labels });
    const result = experimentResult(tallyArms(customers), experiment.plannedSize);
    control = result.control.customers;
    uplift = result.uplift.estimate;
  };
  // The tab's view: labels read off the rows; after a change of the churn definition, every label worked out.
  const resultsMs = best(results(stored));
  const coldMs = best(results(rows));
  options.log(
    `  experiments on ${N.toLocaleString('en-US')} customers: results ${resultsMs.toFixed(0)} ms (target ≤ 500), ${coldMs.toFixed(0)} ms after a definition change, arms ${assignMs.toFixed(0)} ms, enrolment ${enrolMs.toFixed(0)} ms ` +
      `(control ${control.toLocaleString('en-US')}, uplift ${(uplift * 100).toFixed(1)} pts on random data)`,
  );
  return {
    experiments_results_100k_ms: Math.round(resultsMs),
    experiments_results_relabel_100k_ms: Math.round(coldMs),
    experiments_assign_100k_ms: Math.round(assignMs),
    experiments_enrol_100k_ms: Math.round(enrolMs),
  };
}
