/**
 * Scoring with a saved model: probabilities through the tfjs model, and exact
 * explanations for logistic regression.
 *
 * For logistic regression logit(p) = b + Σ wᵢxᵢ, so against the training
 * baseline x̄ (mean transformed input):
 *   logit(p) − logit(p̄) = Σ wᵢ(xᵢ − x̄ᵢ),   p̄ = σ(b + Σ wᵢx̄ᵢ).
 * Each input's term wᵢ(xᵢ − x̄ᵢ) is summed per source column (a one-hot group,
 * or a value and its missing indicator, is one Reason), so the reasons add
 * up exactly to the score's distance from the baseline.
 *
 * Unobserved is not missing: a column absent from the row (the CRM page never
 * showed it, e.g. a list with 8 of 20 columns) is set to the training
 * baseline, so it moves neither the score nor the explanation. A value the
 * CRM shows as blank ("—", "") is a real observation and uses what the model
 * learned about missing values.
 */
import type { Reason } from '../domain';
import { isMissing } from '../parse/missing';
import { decodeLogisticWeights, loadModel, parseModelArtifact } from './artifact';
import { predictLogistic } from './logistic';
import { transform } from './preprocess';
import type { ModelArtifact, RawRow, Scorer } from './types';

export async function createScorer(artifact: ModelArtifact): Promise<Scorer> {
  const checked = parseModelArtifact(artifact);
  const model = await loadModel(checked.tfjs);
  const { weights } = decodeLogisticWeights(checked);
  const prep = checked.preprocessor;
  const d = prep.featureNames.length;
  const baseline = checked.baseline;
  // Source columns in model order, with the inputs each one owns.
  const groups = new Map<string, number[]>();
  prep.featureSource.forEach((source, i) => {
    const list = groups.get(source);
    if (list) list.push(i);
    else groups.set(source, [i]);
  });
  /** Model inputs for rows, with unobserved columns held at the baseline. */
  function inputsOf(rows: readonly RawRow[]): Float32Array {
    const x = transform(prep, rows);
    rows.forEach((row, r) => {
      for (const [field, inputs] of groups) {
        if (Object.hasOwn(row, field)) continue;
        for (const i of inputs) x[r * d + i] = baseline[i]!;
      }
    });
    return x;
  }

  /** Reasons for one row whose transformed inputs start at x[offset]; unobserved columns give none. */
  function explainAt(row: RawRow, x: Float32Array, offset: number): Reason[] {
    const reasons: Reason[] = [];
    for (const [field, inputs] of groups) {
      if (!Object.hasOwn(row, field)) continue;
      let contribution = 0;
      for (const i of inputs) contribution += weights[i]! * (x[offset + i]! - baseline[i]!);
      reasons.push({ field, value: rawText(row[field]), contribution });
    }
    // Stable: equal sizes keep model column order.
    return reasons.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  }
  let disposed = false;
  const alive = () => {
    if (disposed) throw new Error('this scorer has been disposed');
  };

  return {
    artifact,
    predict(rows: RawRow[]): Float32Array {
      alive();
      if (rows.length === 0) return new Float32Array(0);
      return predictLogistic(model, inputsOf(rows), d);
    },
    explain(row: RawRow): Reason[] {
      alive();
      return explainAt(row, inputsOf([row]), 0);
    },
    scoreAndExplain(rows: RawRow[]) {
      alive();
      if (rows.length === 0) return [];
      const x = inputsOf(rows);
      const probabilities = predictLogistic(model, x, d);
      return rows.map((row, r) => ({ probability: probabilities[r]!, reasons: explainAt(row, x, r * d) }));
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}

/** The explanation baseline as a probability: σ(b + Σ wᵢx̄ᵢ). */
export function baselineProbability(artifact: ModelArtifact): number {
  const { weights, bias } = decodeLogisticWeights(artifact);
  let z = bias;
  artifact.baseline.forEach((v, i) => (z += weights[i]! * v));
  return 1 / (1 + Math.exp(-z));
}

function rawText(value: RawRow[string]): string | null {
  if (isMissing(value)) return null;
  return typeof value === 'number' ? String(value) : String(value).trim();
}
