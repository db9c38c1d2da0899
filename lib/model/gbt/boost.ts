/**
 * Gradient boosting of trees on the logistic loss: start from the (weighted)
 * log-odds of the training labels, then each round fit a tree to the
 * gradients g = w(p − y) and hessians h = w·p(1 − p) of the current scores.
 * Each tree sees a seeded sample of rows and of inputs (`colSample`), so the
 * same data and seed give the same model. Rows: a Bernoulli `rowSample`
 * share, or — from `goss.minRows` training rows on — gradient-based one-side
 * sampling (LightGBM's GOSS): every row among the `goss.top` share with the
 * largest |g|, and of the others a random `goss.other` share whose g and h
 * count (1 − top)/other times, so the sums stay unbiased while a tree reads
 * ~30 % of the rows. Small data keeps plain bagging (GOSS's variance costs
 * more than its time saves there).
 *
 * Rounds: with `fixedRounds` exactly that many on all rows (the final fit,
 * with maxLeaves/maxDepth); otherwise a stratified `validationShare` of the
 * rows is held out and boosting stops `patience` rounds after the
 * validation log loss last improved, keeping the best round — for each of
 * `shapes`, keeping the shape with the lowest validation loss. Bins are
 * fitted on the rows that grow trees only, once per fit (Uint8 codes).
 * `inputs` limits the inputs trees may split on (the caller leaves out
 * spline-knot inputs: a hinge max(0, z − k) is a monotone copy of its
 * column z, so it offers a tree no new split, only more histogram work).
 */
import { deriveSeed, mulberry32, shuffleInPlace, type Random } from '../prng';
import { codeLayout, fitBins, layoutCodes } from './binning';
import { addTreeBinned, binnedData, growTree } from './tree';
import type { GbtModel, GbtSettings, GbtShape, GbtTree } from './types';

/**
 * Defaults that are robust across tabular churn data rather than tuned to
 * one file: learning rate 0.05 with early stopping, L2 1, 20 rows per leaf
 * at least, 80 % row and input sampling — the usual LightGBM/XGBoost
 * starting point — and a small search over the tree shape, the setting that
 * matters most: stumps-and-pairs (4 leaves, depth 2: sharp thresholds and
 * two-way interactions, little variance) against deeper trees (15 leaves,
 * depth 5: higher-order interactions), the better validation loss kept.
 * GOSS from 50,000 training rows with LightGBM's defaults (top 20 %, 10 %
 * of the rest).
 */
export const DEFAULT_GBT: GbtSettings = {
  rounds: 600,
  learningRate: 0.05,
  maxLeaves: 15,
  maxDepth: 5,
  shapes: [
    { maxLeaves: 4, maxDepth: 2 },
    { maxLeaves: 15, maxDepth: 5 },
  ],
  minDataInLeaf: 20,
  minChildWeight: 1e-3,
  l2: 1,
  rowSample: 0.8,
  colSample: 0.8,
  maxBins: 255,
  patience: 40,
  validationShare: 0.15,
  goss: { top: 0.2, other: 0.1, minRows: 50_000 },
};

export interface GbtFitOptions extends GbtSettings {
  seed: number;
  classWeight?: { negative: number; positive: number };
  /** Train exactly this many rounds on all rows (no validation split). */
  fixedRounds?: number;
  /** Inputs trees may split on (default all). */
  inputs?: readonly number[];
  /** Groups of one-hot inputs of one column, read as one code each (binning.ts codeLayout; same trees, less work). */
  bundles?: readonly (readonly number[])[];
  /** Rows of the shape search's sample (default SHAPE_SEARCH_ROWS; tests make it small). */
  shapeSearchRows?: number;
}

export interface GbtHooks {
  /** Every 10 rounds: the round (1-based) of the model being boosted and the share of this fit done (0…1); may await (a cancel check) or throw. */
  onRound?: (round: number, share: number) => void | Promise<void>;
}

/** Stratified seeded hold-out: the indices of the validation rows, ascending. */
function holdOut(y: ArrayLike<number>, share: number, seed: number): Set<number> {
  const random = mulberry32(seed);
  const out = new Set<number>();
  for (const c of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === c) rows.push(i);
    shuffleInPlace(rows, random);
    const take = Math.min(rows.length - 1, Math.round(rows.length * share));
    for (let k = 0; k < take; k++) out.add(rows[k]!);
  }
  return out;
}

/** |g| at the (1 − top) quantile, estimated from ≤ 4,096 rows drawn with `random` (exact for fewer rows). */
function gradientCut(grad: Float64Array, n: number, top: number, random: Random): number {
  const m = Math.min(n, 4096);
  const sample = new Float64Array(m);
  for (let k = 0; k < m; k++) sample[k] = Math.abs(grad[m === n ? k : Math.floor(random() * n)]!);
  sample.sort();
  return sample[Math.min(m - 1, Math.floor((1 - top) * m))]!;
}

/**
 * GOSS for one round: writes the chosen rows (ascending) into `order` and
 * returns their count; the sampled small-gradient rows' g and h are scaled
 * up in place (they are recomputed every round).
 */
export function gossSample(
  grad: Float64Array,
  hess: Float64Array,
  n: number,
  goss: { top: number; other: number },
  random: Random,
  order: Uint32Array,
): number {
  const cut = gradientCut(grad, n, goss.top, random);
  const keep = goss.other / (1 - goss.top);
  const amplify = (1 - goss.top) / goss.other;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(grad[i]!) >= cut) order[count++] = i;
    else if (random() < keep) {
      grad[i]! *= amplify;
      hess[i]! *= amplify;
      order[count++] = i;
    }
  }
  return count;
}

/**
 * The tree-shape search reads at most this many rows: with more, the shapes
 * compete on a stratified sample of this size (its own validation split)
 * and only the winner boosts on every row. Shapes rank the same on 20,000
 * rows as on all (the loss gap between them is far larger than the
 * sample's noise), and the search then costs ~0.3 of a fit at 200,000 rows
 * instead of a whole second fit. Smaller data searches on all rows.
 */
const SHAPE_SEARCH_ROWS = 20_000;

export async function fitGbt(
  x: Float32Array,
  y: ArrayLike<number>,
  d: number,
  options: GbtFitOptions,
  hooks: GbtHooks = {},
): Promise<{ model: GbtModel; bestRounds: number; shape: GbtShape }> {
  const n = y.length;
  const fixed = options.fixedRounds;
  const searchRows = options.shapeSearchRows ?? SHAPE_SEARCH_ROWS;
  if (fixed === undefined && (options.shapes?.length ?? 0) > 1 && n > 3 * searchRows) {
    // The probe reports the first quarter of this fit's progress, the winner's boosting the rest.
    const sample = [...holdOut(y, searchRows / n, deriveSeed(options.seed, 0x5a3))].sort((a, b) => a - b);
    const xs = new Float32Array(sample.length * d);
    sample.forEach((row, r) => xs.set(x.subarray(row * d, row * d + d), r * d));
    const probe = await fitGbt(
      xs,
      Float64Array.from(sample, (i) => y[i]!),
      d,
      options,
      {
        onRound: (round, share) => hooks.onRound?.(round, share / 4),
      },
    );
    return fitGbt(x, y, d, { ...options, ...probe.shape, shapes: [] }, { onRound: (round, share) => hooks.onRound?.(round, 0.25 + 0.75 * share) });
  }
  const validation =
    fixed === undefined && options.validationShare > 0 ? holdOut(y, options.validationShare, deriveSeed(options.seed, 0x7a1)) : new Set<number>();
  const trainIdx: number[] = [];
  const validIdx: number[] = [];
  for (let i = 0; i < n; i++) (validation.has(i) ? validIdx : trainIdx).push(i);

  const pick = (rows: number[]) => {
    const out = new Float32Array(rows.length * d);
    rows.forEach((row, r) => out.set(x.subarray(row * d, row * d + d), r * d));
    return out;
  };
  const xTrain = validIdx.length ? pick(trainIdx) : x;
  const nt = trainIdx.length;
  const allFeatures = options.inputs ? [...options.inputs].sort((a, b) => a - b) : Array.from({ length: d }, (_, j) => j);
  const bins = fitBins(
    xTrain,
    d,
    Uint32Array.from({ length: nt }, (_, i) => i),
    options.maxBins,
    allFeatures,
  );
  const layout = codeLayout(bins, xTrain, nt, d, allFeatures, options.bundles);
  const train = binnedData(layoutCodes(bins, layout, xTrain, nt, d), nt, bins.cuts, layout);
  const valid = validIdx.length ? binnedData(layoutCodes(bins, layout, pick(validIdx), validIdx.length, d), validIdx.length, bins.cuts, layout) : null;

  const weight = (label: number) => (options.classWeight ? (label ? options.classWeight.positive : options.classWeight.negative) : 1);
  const yt = Float64Array.from(trainIdx, (i) => y[i]!);
  const wt = Float64Array.from(yt, weight);
  const yv = Float64Array.from(validIdx, (i) => y[i]!);
  const wv = Float64Array.from(yv, weight);

  let sw = 0;
  let swy = 0;
  for (let i = 0; i < nt; i++) {
    sw += wt[i]!;
    swy += wt[i]! * yt[i]!;
  }
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, swy / sw));
  const base = Math.log(prior / (1 - prior));
  const grad = new Float64Array(nt);
  const hess = new Float64Array(nt);
  const order = new Uint32Array(nt);
  const pool: Float64Array[] = [];
  const featureCount = Math.max(1, Math.round(options.colSample * allFeatures.length));
  const goss = options.goss && nt >= options.goss.minRows ? options.goss : null;
  const rounds = fixed ?? options.rounds;
  // The shapes to search (on the validation split); the final fit uses the one given.
  const shapes: GbtShape[] =
    fixed === undefined && valid && options.shapes?.length ? options.shapes : [{ maxLeaves: options.maxLeaves, maxDepth: options.maxDepth }];

  let best: { trees: GbtTree[]; rounds: number; loss: number; shape: GbtShape } | null = null;
  for (const [k, shape] of shapes.entries()) {
    // Every shape sees the same row and input samples.
    const random = mulberry32(deriveSeed(options.seed, 0x6b7));
    const scores = new Float64Array(nt).fill(base);
    const validScores = new Float64Array(yv.length).fill(base);
    const params = {
      ...shape,
      minDataInLeaf: options.minDataInLeaf,
      minChildWeight: options.minChildWeight,
      l2: options.l2,
      learningRate: options.learningRate,
    };
    const trees: GbtTree[] = [];
    let bestLoss = Infinity;
    let bestRounds = 0;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < nt; i++) {
        const p = 1 / (1 + Math.exp(-scores[i]!));
        grad[i] = wt[i]! * (p - yt[i]!);
        hess[i] = Math.max(1e-12, wt[i]! * p * (1 - p));
      }
      let count = 0;
      if (goss) count = gossSample(grad, hess, nt, goss, random, order);
      else for (let i = 0; i < nt; i++) if (options.rowSample >= 1 || random() < options.rowSample) order[count++] = i;
      const features =
        featureCount >= allFeatures.length
          ? Int32Array.from(allFeatures)
          : Int32Array.from(shuffleInPlace([...allFeatures], random).slice(0, featureCount)).sort();
      const grown = growTree(train, grad, hess, order, count, features, params, pool);
      trees.push(grown.tree);
      addTreeBinned(grown, train, scores);
      if (valid) {
        addTreeBinned(grown, valid, validScores);
        let loss = 0;
        for (let i = 0; i < validScores.length; i++) {
          const z = validScores[i]!;
          // log(1 + e^−z) for y = 1, log(1 + e^z) for y = 0, computed stably
          const m = yv[i] ? -z : z;
          loss += wv[i]! * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
        }
        if (loss < bestLoss - 1e-9) {
          bestLoss = loss;
          bestRounds = round + 1;
        } else if (round + 1 - bestRounds >= options.patience) break;
      } else bestRounds = round + 1;
      if ((round + 1) % 10 === 0) await hooks.onRound?.(round + 1, (k * rounds + round + 1) / (shapes.length * rounds));
    }
    bestRounds = Math.max(1, bestRounds);
    if (best === null || bestLoss < best.loss) best = { trees: trees.slice(0, bestRounds), rounds: bestRounds, loss: bestLoss, shape };
  }
  return { model: { base, trees: best!.trees }, bestRounds: best!.rounds, shape: best!.shape };
}
