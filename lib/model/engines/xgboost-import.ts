/**
 * An XGBoost JSON model and its feature spec → a product model file (kind
 * gbt, format 3): the trees with their inputs renumbered to the product's
 * layout, and a baseline for the explanations.
 *
 * Baseline (the "typical customer" Shapley values are measured against):
 * the spec's `baseline` where given; otherwise, per input, the value on the
 * heavier side (by training hessian cover, which XGBoost stores per node) of
 * as many of the input's splits as possible — 0 or 1 for yes/no and one-hot
 * inputs, a split value for numbers. It needs no training data and lands
 * where most training rows were; an input no tree splits on gets 0 (it
 * moves nothing either way).
 */
import type { GbtModel } from '../gbt/types';
import type { ModelArtifact } from '../types';
import { engineArtifact, engineColumns, engineJson, permuted, readFeatureSpec, specInModelOrder } from './engine-artifact';
import type { SpecInput } from './feature-spec';
import { readXgboost } from './xgboost';

export interface XgboostImport {
  /** The model.json text as XGBoost saved it. */
  modelText: string;
  /** The feature spec text (feature-spec.ts). */
  specText: string;
  fileName: string;
  now: Date;
}

export function importXgboost({ modelText, specText, fileName, now }: XgboostImport): ModelArtifact {
  const model = readXgboost(engineJson(modelText, fileName));
  const spec = readFeatureSpec(specText);
  const ordered = specInModelOrder(spec, model.inputs, model.featureNames);
  const { columns, permutation } = engineColumns(ordered, null);
  const typical = typicalInputs(model.gbt, ordered);
  const gbt: GbtModel = {
    base: model.gbt.base,
    trees: model.gbt.trees.map((t) => ({ ...t, feature: t.feature.map((f) => (f < 0 ? -1 : permutation[f]!)) })),
  };
  return engineArtifact({
    kind: 'gbt',
    name: spec.name ?? fileName.replace(/\.json$/i, ''),
    trainedBy: `XGBoost ${model.version} (imported, ${model.objective})`,
    source: `imported XGBoost model ${fileName}`,
    columns,
    baseline: permuted(typical, permutation),
    body: { gbt },
    createdAt: now.toISOString(),
  });
}

/** The baseline of each input in the model's order (see the file comment). */
function typicalInputs(gbt: GbtModel, inputs: readonly SpecInput[]): number[] {
  const splits = inputs.map(() => [] as { t: number; left: number; right: number }[]);
  for (const tree of gbt.trees) {
    tree.feature.forEach((f, node) => {
      if (f >= 0) splits[f]!.push({ t: tree.threshold[node]!, left: tree.cover[tree.left[node]!]!, right: tree.cover[tree.right[node]!]! });
    });
  }
  return inputs.map((input, j) => {
    if (input.baseline !== undefined) return input.baseline;
    const list = splits[j]!;
    if (list.length === 0) return 0;
    const agreement = (v: number) => list.reduce((sum, s) => sum + (v <= s.t ? s.left : s.right), 0);
    const binary = input.transform.kind === 'yesno' || input.transform.kind === 'onehot';
    // Candidates: each split value (the right of its split) and the float just below the lowest (the left of all).
    const candidates = binary ? [0, 1] : [...new Set(list.map((s) => nextAbove(s.t)))].sort((a, b) => a - b);
    if (!binary) candidates.unshift(list.reduce((lo, s) => Math.min(lo, s.t), Infinity));
    let best = candidates[0]!;
    let bestScore = -Infinity;
    for (const v of candidates) {
      const score = agreement(v);
      if (score > bestScore) [best, bestScore] = [v, score];
    }
    return best;
  });
}

/** The float32 just above a product threshold: XGBoost's own split value (thresholds are float32Below of it). */
function nextAbove(threshold: number): number {
  const f = new Float32Array([threshold]);
  const bits = new Int32Array(f.buffer);
  if (f[0] === 0)
    bits[0] = 1; // the smallest positive subnormal
  else if (f[0]! > 0) bits[0]!++;
  else if (bits[0] === -2147483647) f[0] = 0;
  else bits[0]!--;
  return f[0]!;
}
