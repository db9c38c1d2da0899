/**
 * A small neural network for tabular churn data: inputs → dense(32, relu) →
 * dense(1, sigmoid), stored and scored as a tfjs layers model (network.ts).
 *
 * Defaults (DEFAULT_MLP), chosen as the usual safe settings for a few
 * thousand to a few hundred thousand rows of tabular data, not tuned to any
 * one file: one hidden layer of 32 ReLU units (He-uniform start), inverted
 * dropout 0.1 on it, L2 1e-4 on the kernels, Adam (lr 0.003, β 0.9/0.999),
 * mini-batches of 64 shuffled each epoch, balanced class weights, at most 60
 * epochs with early stopping: 15 % of the training rows (stratified) are
 * held out, training stops after 5 epochs without a better held-out
 * weighted log loss, and the best epoch's weights are kept. The final fit on
 * all rows runs the median best epoch of the CV folds instead. An epoch
 * visits at most `epochRows` (20,000) rows — the next slice of a shuffled
 * pass — so on 200,000 rows early stopping is checked every 20,000 rows
 * (~300 Adam steps) rather than after 2,000 steps the network did not need:
 * it converges in a few hundred thousand row visits whatever the file's
 * size. Smaller files (most CRM exports) see every row each epoch, as before.
 *
 * Trained here in plain JS rather than with tfjs `model.fit`: on the cpu
 * backend (the only one in a service worker) an epoch over 5,000 × 54 rows
 * took ≈ 780 ms with model.fit and ≈ 520 ms with optimizer.minimize, against
 * ≈ 10–20 ms for this loop (most inputs are one-hot zeros, skipped), and
 * training + 5-fold CV must fit in seconds. Same arithmetic as tfjs's Adam;
 * float64 accumulation; deterministic from the seed.
 */
import { stratifiedKFold } from './cv';
import type { DenseLayer } from './dense-network';
import { deriveSeed, mulberry32, shuffleInPlace, type Random } from './prng';
import type { MlpSettings } from './types';

export const DEFAULT_MLP: MlpSettings = {
  hidden: [32],
  epochs: 60,
  batchSize: 64,
  learningRate: 0.003,
  l2: 1e-4,
  dropout: 0.1,
  patience: 5,
  validationShare: 0.15,
  epochRows: 20_000,
};

export interface MlpFitOptions extends MlpSettings {
  seed: number;
  /** Per-class row weights (negative, positive); default 1 and 1. */
  classWeight?: { negative: number; positive: number };
  /** Exact number of epochs, no held-out rows (the final fit). */
  fixedEpochs?: number;
}

export interface MlpHooks {
  /** Called after each epoch; may await (to let a worker see a cancel) or throw to stop. */
  onEpoch?: (epoch: number, epochs: number) => void | Promise<void>;
}

export interface MlpFit {
  layers: DenseLayer[];
  /** Epochs whose weights were kept (1-based). */
  bestEpoch: number;
  /** Epochs run. */
  epochsRun: number;
}

interface Param {
  w: Float64Array;
  m: Float64Array;
  v: Float64Array;
  g: Float64Array;
}

const param = (size: number): Param => ({ w: new Float64Array(size), m: new Float64Array(size), v: new Float64Array(size), g: new Float64Array(size) });

function softplus(s: number): number {
  return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
}

export async function fitMlp(x: Float32Array, y: ArrayLike<number>, d: number, options: MlpFitOptions, hooks: MlpHooks = {}): Promise<MlpFit> {
  const n = y.length;
  if (n === 0) throw new Error('no training rows');
  if (x.length !== n * d) throw new Error(`inputs (${x.length}) do not match ${n} rows × ${d} columns`);
  const random = mulberry32(options.seed);
  const sizes = [d, ...options.hidden, 1];
  const L = sizes.length - 1;
  const kernels: Param[] = [];
  const biases: Param[] = [];
  for (let l = 0; l < L; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const k = param(fanIn * fanOut);
    const limit = l < L - 1 ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < k.w.length; i++) k.w[i] = (2 * random() - 1) * limit;
    kernels.push(k);
    biases.push(param(fanOut));
  }
  const sparse = toSparseRows(x, n, d);
  const cw = options.classWeight ?? { negative: 1, positive: 1 };
  const weightOf = (i: number) => (y[i] ? cw.positive : cw.negative);

  // Held-out rows for early stopping, stratified and seeded.
  let trainIdx: number[];
  let valIdx: number[] = [];
  const fixed = options.fixedEpochs !== undefined;
  if (!fixed && options.validationShare > 0) {
    const k = Math.max(2, Math.round(1 / options.validationShare));
    try {
      const split = stratifiedKFold(y, k, deriveSeed(options.seed, 7))[0]!;
      trainIdx = split.train;
      valIdx = split.test;
    } catch {
      trainIdx = Array.from({ length: n }, (_, i) => i);
    }
  } else {
    trainIdx = Array.from({ length: n }, (_, i) => i);
  }
  let prior = 0;
  let priorWeight = 0;
  for (const i of trainIdx) {
    prior += weightOf(i) * (y[i] ? 1 : 0);
    priorWeight += weightOf(i);
  }
  const p0 = Math.min(1 - 1e-6, Math.max(1e-6, prior / priorWeight));
  biases[L - 1]!.w[0] = Math.log(p0 / (1 - p0));

  const B = Math.max(1, Math.min(options.batchSize || trainIdx.length, trainIdx.length));
  // Activations per layer for one batch: acts[l] is B × sizes[l] (acts[0] unused: x is read in place).
  const acts = sizes.map((s) => new Float64Array(B * s));
  const masks = sizes.map((s) => new Float64Array(B * s));
  const deltas = sizes.map((s) => new Float64Array(B * s));
  const keep = 1 - options.dropout;
  let step = 0;

  const yRow = Float64Array.from({ length: n }, (_, i) => (y[i] ? 1 : 0));
  const wRow = Float64Array.from({ length: n }, (_, i) => weightOf(i));

  /** Forward pass of one row into acts[·] at slot b; returns z. With `dropout`, hidden units are dropped (inverted). */
  const forwardRow = (row: number, b: number, dropout: Random | null): number => {
    for (let l = 0; l < L; l++) {
      const fanOut = sizes[l + 1]!;
      const at = b * fanOut;
      const h = acts[l + 1]!;
      if (l === 0) sparseDense(sparse.start, sparse.index, sparse.value, row, kernels[0]!.w, biases[0]!.w, h, at, fanOut);
      else dense(acts[l]!, b * sizes[l]!, sizes[l]!, kernels[l]!.w, biases[l]!.w, h, at, fanOut);
      if (l < L - 1) relu(h, masks[l + 1]!, at, fanOut, dropout && options.dropout > 0 ? dropout : null, keep);
    }
    return acts[L]![b]!;
  };

  const validationLoss = (): number => {
    let sum = 0;
    let weight = 0;
    for (const i of valIdx) {
      const z = forwardRow(i, 0, null);
      sum += wRow[i]! * (softplus(z) - yRow[i]! * z);
      weight += wRow[i]!;
    }
    return sum / weight;
  };

  const snapshot = () => ({ k: kernels.map((p) => Float64Array.from(p.w)), b: biases.map((p) => Float64Array.from(p.w)) });
  let best = snapshot();
  let bestLoss = Infinity;
  let bestEpoch = 0;
  let since = 0;
  const epochs = fixed ? options.fixedEpochs! : options.epochs;
  const order = trainIdx.slice();
  let epochsRun = 0;

  const epochRows = Math.min(order.length, options.epochRows ?? order.length);
  let cursor = order.length; // rows of the current shuffled pass already visited
  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (cursor >= order.length) {
      shuffleInPlace(order, random);
      cursor = 0;
    }
    const end = Math.min(order.length, cursor + epochRows);
    for (let start = cursor; start < end; start += B) {
      const size = Math.min(B, end - start);
      for (const p of kernels) p.g.fill(0);
      for (const p of biases) p.g.fill(0);
      // Forward, then the output delta per row: w·(σ(z) − y) / size.
      const top = deltas[L]!;
      for (let b = 0; b < size; b++) {
        const row = order[start + b]!;
        const z = forwardRow(row, b, random);
        top[b] = (wRow[row]! * (1 / (1 + Math.exp(-z)) - yRow[row]!)) / size;
      }
      // Backward through the layers.
      for (let l = L - 1; l >= 0; l--) {
        const fanIn = sizes[l]!;
        const fanOut = sizes[l + 1]!;
        const K = kernels[l]!;
        const bg = biases[l]!.g;
        const dOut = deltas[l + 1]!;
        for (let b = 0; b < size; b++) {
          const at = b * fanOut;
          for (let j = 0; j < fanOut; j++) bg[j]! += dOut[at + j]!;
          if (l === 0) sparseOuter(sparse.start, sparse.index, sparse.value, order[start + b]!, dOut, at, fanOut, K.g);
          else backDense(acts[l]!, masks[l]!, b * fanIn, fanIn, dOut, at, fanOut, K.w, K.g, deltas[l]!);
        }
      }
      // Adam, L2 on kernels only (gradient of l2·Σw²).
      step++;
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (const p of kernels) adam(p.w, p.m, p.v, p.g, options.l2, options.learningRate, c1, c2);
      for (const p of biases) adam(p.w, p.m, p.v, p.g, 0, options.learningRate, c1, c2);
    }
    cursor = end;
    epochsRun = epoch;
    if (valIdx.length > 0) {
      const loss = validationLoss();
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestEpoch = epoch;
        best = snapshot();
        since = 0;
      } else if (++since >= options.patience) {
        await hooks.onEpoch?.(epoch, epochs);
        break;
      }
    } else {
      bestEpoch = epoch;
    }
    await hooks.onEpoch?.(epoch, epochs);
  }
  if (valIdx.length === 0) best = snapshot();
  if (bestEpoch === 0) bestEpoch = epochsRun;

  const layers: DenseLayer[] = [];
  for (let l = 0; l < L; l++) {
    layers.push({
      inputs: sizes[l]!,
      units: sizes[l + 1]!,
      kernel: Float32Array.from(best.k[l]!),
      bias: Float32Array.from(best.b[l]!),
      activation: l === L - 1 ? 'sigmoid' : 'relu',
    });
  }
  return { layers, bestEpoch, epochsRun };
}

const beta1 = 0.9;
const beta2 = 0.999;
const EPS = 1e-7;

// Monomorphic kernels (typed arrays in, no closures): V8 keeps them tight.

/** out[at…at+units) = bias + Σ over the row's non-zero inputs of v·K[i, ·]. */
function sparseDense(
  start: Int32Array,
  index: Int32Array,
  value: Float32Array,
  row: number,
  K: Float64Array,
  bias: Float64Array,
  out: Float64Array,
  at: number,
  units: number,
): void {
  for (let j = 0; j < units; j++) out[at + j] = bias[j]!;
  for (let e = start[row]!, end = start[row + 1]!; e < end; e++) {
    const v = value[e]!;
    const r = index[e]! * units;
    for (let j = 0; j < units; j++) out[at + j]! += v * K[r + j]!;
  }
}

/** out[at…at+units) = bias + input[inAt…inAt+fanIn) · K. */
function dense(input: Float64Array, inAt: number, fanIn: number, K: Float64Array, bias: Float64Array, out: Float64Array, at: number, units: number): void {
  for (let j = 0; j < units; j++) out[at + j] = bias[j]!;
  for (let i = 0; i < fanIn; i++) {
    const v = input[inAt + i]!;
    if (v === 0) continue;
    const r = i * units;
    for (let j = 0; j < units; j++) out[at + j]! += v * K[r + j]!;
  }
}

/** ReLU in place, the mask holding the derivative (× 1/keep for kept units under dropout, 0 for dropped). */
function relu(h: Float64Array, mask: Float64Array, at: number, units: number, dropout: Random | null, keep: number): void {
  for (let j = 0; j < units; j++) {
    const pre = h[at + j]!;
    if (dropout && dropout() >= keep) {
      h[at + j] = 0;
      mask[at + j] = 0;
    } else if (pre > 0) {
      const scale = dropout ? 1 / keep : 1;
      h[at + j] = pre * scale;
      mask[at + j] = scale;
    } else {
      h[at + j] = 0;
      mask[at + j] = 0;
    }
  }
}

/** G[i, ·] += v·dOut for the row's non-zero inputs (the first layer's kernel gradient). */
function sparseOuter(
  start: Int32Array,
  index: Int32Array,
  value: Float32Array,
  row: number,
  dOut: Float64Array,
  at: number,
  units: number,
  G: Float64Array,
): void {
  for (let e = start[row]!, end = start[row + 1]!; e < end; e++) {
    const v = value[e]!;
    const r = index[e]! * units;
    for (let j = 0; j < units; j++) G[r + j]! += v * dOut[at + j]!;
  }
}

/** Kernel gradient of a hidden layer and the delta of its input: dIn = (K · dOut) ⊙ mask. */
function backDense(
  input: Float64Array,
  mask: Float64Array,
  inAt: number,
  fanIn: number,
  dOut: Float64Array,
  at: number,
  units: number,
  K: Float64Array,
  G: Float64Array,
  dIn: Float64Array,
): void {
  for (let i = 0; i < fanIn; i++) {
    const v = input[inAt + i]!;
    const r = i * units;
    let back = 0;
    for (let j = 0; j < units; j++) {
      G[r + j]! += v * dOut[at + j]!;
      back += K[r + j]! * dOut[at + j]!;
    }
    dIn[inAt + i] = back * mask[inAt + i]!;
  }
}

/** One Adam step (tfjs's update: bias-corrected moments, ε outside the root) with an L2 gradient 2·l2·w. */
function adam(w: Float64Array, m: Float64Array, v: Float64Array, g: Float64Array, l2: number, lr: number, c1: number, c2: number): void {
  for (let i = 0; i < w.length; i++) {
    const grad = g[i]! + 2 * l2 * w[i]!;
    m[i] = beta1 * m[i]! + (1 - beta1) * grad;
    v[i] = beta2 * v[i]! + (1 - beta2) * grad * grad;
    w[i]! -= (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + EPS);
  }
}

/** Row-major dense inputs as compressed sparse rows (one-hot inputs are mostly zeros). */
export function toSparseRows(x: Float32Array, n: number, d: number): { start: Int32Array; index: Int32Array; value: Float32Array } {
  let nonzero = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) nonzero++;
  const start = new Int32Array(n + 1);
  const index = new Int32Array(nonzero);
  const value = new Float32Array(nonzero);
  let e = 0;
  for (let r = 0; r < n; r++) {
    start[r] = e;
    const base = r * d;
    for (let i = 0; i < d; i++) {
      const v = x[base + i]!;
      if (v !== 0) {
        index[e] = i;
        value[e++] = v;
      }
    }
  }
  start[n] = e;
  return { start, index, value };
}

/** Balanced class weights: rows of class c weigh n / (2·n_c). */
export function balancedClassWeight(y: ArrayLike<number>): { negative: number; positive: number } {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i] ? 1 : 0;
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return { negative: 1, positive: 1 };
  return { negative: y.length / (2 * negatives), positive: y.length / (2 * positives) };
}
