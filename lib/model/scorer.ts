/**
 * Scoring with a saved model: calibrated probabilities and per-column
 * explanations, for every kind (logistic, mlp, gbt, ensemble; scorecards in
 * scorecard.ts).
 *
 * Explanations: the model's raw log-odds z are attributed to its inputs
 * against the training baseline x̄ (runtime.ts: exact for logistic
 * regression, integrated gradients for the MLP, exact Shapley values
 * against the baseline for trees, the average for an ensemble), so
 * Σ contributions = z(x) − z(x̄). Each input's share is summed per source
 * column (a one-hot group, a value with its missing indicator and
 * spline inputs, is one Reason). With Platt calibration p = σ(a·z + b) the
 * contributions are multiplied by a, so they add up to logit(p) − logit(p̄):
 * the score's distance from the baseline customer's, in calibrated log-odds.
 * (Isotonic calibration is not linear in z: contributions stay on z's scale.)
 *
 * Unobserved is not missing: a column absent from the row (the CRM page never
 * showed it, e.g. a list with 8 of 20 columns) is set to the training
 * baseline, so it moves neither the score nor the explanation. A value the
 * CRM shows as blank ("—", "") is a real observation and uses what the model
 * learned about missing values.
 */
import type { Reason } from '../domain';
import { isMissing } from '../parse/missing';
import { parseModelArtifact } from './artifact';
import { calibrate, contributionScale } from './calibration';
import { compileGbt, gbtLogits } from './gbt/predict';
import { forwardLogits, networkFromTfjs } from './dense-network';
import { compileTransform } from './preprocess';
import { createRuntime } from './runtime';
import { createScorecardScorer } from './scorecard';
import { createBgNbdScorer } from './btyd/bgnbd-scorer';
import type { ModelArtifact, RawRow, Scorer } from './types';

/** Source columns in model order, with the inputs each one owns. */
function inputGroups(featureSource: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  featureSource.forEach((source, i) => {
    const list = groups.get(source);
    if (list) list.push(i);
    else groups.set(source, [i]);
  });
  return groups;
}

export async function createScorer(artifact: ModelArtifact): Promise<Scorer> {
  const checked = parseModelArtifact(artifact);
  if (checked.kind === 'scorecard') return createScorecardScorer(checked.scorecard!, checked);
  if (checked.kind === 'bgnbd') return createBgNbdScorer(checked);
  const runtime = await createRuntime(checked);
  const prep = checked.preprocessor;
  const d = prep.featureNames.length;
  const groups = [...inputGroups(prep.featureSource)];
  const inputsOf = compileTransform(prep, { unobserved: checked.baseline });
  const calibration = checked.calibration;
  const scale = contributionScale(calibration);

  /** Reasons for one row from its attributions at a[offset…]; unobserved columns give none. */
  function reasonsAt(row: RawRow, a: Float64Array, offset: number): Reason[] {
    const reasons: Reason[] = [];
    for (const [field, inputs] of groups) {
      if (!Object.hasOwn(row, field)) continue;
      let contribution = 0;
      for (const i of inputs) contribution += a[offset + i]!;
      reasons.push({ field, value: rawText(row[field]), contribution: contribution * scale });
    }
    // Stable: equal sizes keep model column order.
    return reasons.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
  }
  const probabilities = (z: Float64Array) => {
    const out = new Float32Array(z.length);
    for (let i = 0; i < z.length; i++) out[i] = calibrate(calibration, z[i]!);
    return out;
  };
  let disposed = false;
  const alive = () => {
    if (disposed) throw new Error('this scorer has been disposed');
  };

  // predict works in chunks through one reused input buffer: 100,000 rows × 54 inputs would otherwise allocate 22 MB per call.
  const CHUNK = 4096;
  const buffer = new Float32Array(CHUNK * d);
  return {
    artifact,
    predict(rows: RawRow[]): Float32Array {
      alive();
      const out = new Float32Array(rows.length);
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.length <= CHUNK ? rows : rows.slice(start, start + CHUNK);
        const x = inputsOf(chunk, chunk.length === CHUNK ? buffer : buffer.subarray(0, chunk.length * d));
        const z = runtime.logits(x, chunk.length);
        for (let i = 0; i < z.length; i++) out[start + i] = calibrate(calibration, z[i]!);
      }
      return out;
    },
    explain(row: RawRow): Reason[] {
      alive();
      return reasonsAt(row, runtime.attributions(inputsOf([row]), 1), 0);
    },
    scoreAndExplain(rows: RawRow[]) {
      alive();
      if (rows.length === 0) return [];
      const x = inputsOf(rows);
      const p = probabilities(runtime.logits(x, rows.length));
      const a = runtime.attributions(x, rows.length);
      return rows.map((row, r) => ({ probability: p[r]!, reasons: reasonsAt(row, a, r * d) }));
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      runtime.dispose();
    },
  };
}

/**
 * The explanation baseline as a probability: the calibrated score of the
 * mean training input x̄ (a scorecard: σ(intercept)). Plain JS, synchronous.
 */
export function baselineProbability(artifact: ModelArtifact): number {
  if (artifact.kind === 'scorecard') return 1 / (1 + Math.exp(-artifact.scorecard!.intercept));
  if (artifact.kind === 'bgnbd') return createBgNbdScorer(artifact).predict([{}])[0]!;
  if (artifact.kind === 'gbt') return calibrate(artifact.calibration, gbtLogits(compileGbt(artifact.gbt!), artifact.baseline, 1, artifact.baseline.length)[0]!);
  const networks = artifact.kind === 'ensemble' ? artifact.members!.map((m) => m.tfjs) : [artifact.tfjs!];
  let z = 0;
  for (const t of networks) z += forwardLogits(networkFromTfjs(t), artifact.baseline, 1)[0]! / networks.length;
  return calibrate(artifact.calibration, z);
}

function rawText(value: RawRow[string]): string | null {
  if (isMissing(value)) return null;
  return typeof value === 'number' ? String(value) : String(value).trim();
}
