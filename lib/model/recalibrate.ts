/**
 * A scorer whose probabilities are recalibrated by a Platt fit on the logit
 * of its own output: p' = σ(a · logit(p) + b). Reasons are in log-odds, so
 * they are scaled by a and still add up to the distance from the baseline.
 * Used when a label-free model gets calibrated on a site's recorded outcomes.
 */
import type { Calibration } from './types';
import type { Scorer } from './types';

type Platt = Extract<Calibration, { method: 'platt' }>;

const EPS = 1e-6;
export const logitOf = (p: number) => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};

export function recalibrated(scorer: Scorer, platt: Platt): Scorer {
  const map = (p: number) => Math.fround(1 / (1 + Math.exp(-(platt.a * logitOf(p) + platt.b))));
  return {
    artifact: scorer.artifact,
    ...(scorer.accepts ? { accepts: (row) => scorer.accepts!(row) } : {}),
    predict: (rows) => scorer.predict(rows).map(map),
    explain: (row) => scorer.explain(row).map((r) => ({ ...r, contribution: r.contribution * platt.a })),
    scoreAndExplain: (rows) =>
      scorer.scoreAndExplain(rows).map(({ probability, reasons }) => ({
        probability: map(probability),
        reasons: reasons.map((r) => ({ ...r, contribution: r.contribution * platt.a })),
      })),
    dispose: () => scorer.dispose(),
  };
}
