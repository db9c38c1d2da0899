/**
 * Per-input attributions of a model's raw log-odds z against the training
 * baseline x̄, so that Σᵢ aᵢ = z(x) − z(x̄) (exactly, or to within the
 * integration error where noted).
 *
 * - Logistic regression: aᵢ = wᵢ(xᵢ − x̄ᵢ), exact.
 * - MLP: integrated gradients (Sundararajan et al., 2017) along the straight
 *   path x̄ → x: aᵢ = (xᵢ − x̄ᵢ)·∫₀¹ ∂z/∂xᵢ(x̄ + α(x − x̄)) dα, which satisfies
 *   completeness (the sum is z(x) − z(x̄)). With one hidden ReLU layer each
 *   unit's pre-activation is linear in α, so the integral is computed in
 *   closed form (the share of the path on which the unit is active): exact,
 *   and cheap enough for a list page. Deeper networks use tfjs gradients at
 *   IG_STEPS midpoints of the path (error shrinks as 1/steps²).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { DenseLayer } from './network';

/** Midpoint-rule steps for networks with more than one hidden layer. */
const IG_STEPS = 32;

/** Logistic regression: n × d attributions wᵢ(xᵢ − x̄ᵢ). */
export function logisticAttributions(weights: ArrayLike<number>, x: ArrayLike<number>, n: number, baseline: ArrayLike<number>): Float64Array {
  const d = baseline.length;
  const out = new Float64Array(n * d);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) out[r * d + i] = weights[i]! * (x[r * d + i]! - baseline[i]!);
  return out;
}

/** Exact integrated gradients of a one-hidden-layer ReLU network (layers: hidden relu, then the 1-unit output). */
export function exactIntegratedGradients(layers: readonly DenseLayer[], x: ArrayLike<number>, n: number, baseline: ArrayLike<number>): Float64Array {
  if (layers.length !== 2) throw new Error('exact integrated gradients need exactly one hidden layer');
  const [hidden, output] = layers as [DenseLayer, DenseLayer];
  const d = hidden.inputs;
  const h = hidden.units;
  const K = hidden.kernel;
  const v = output.kernel; // h × 1
  const preBase = new Float64Array(h);
  for (let j = 0; j < h; j++) preBase[j] = hidden.bias[j]!;
  for (let i = 0; i < d; i++) {
    const b = baseline[i]!;
    if (b !== 0) for (let j = 0; j < h; j++) preBase[j]! += b * K[i * h + j]!;
  }
  const out = new Float64Array(n * d);
  const delta = new Float64Array(d);
  const pre = new Float64Array(h);
  const unit = new Float64Array(h); // v_j × share of the path on which unit j is active
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) delta[i] = x[r * d + i]! - baseline[i]!;
    pre.set(preBase);
    for (let i = 0; i < d; i++) {
      const dv = delta[i]!;
      if (dv !== 0) for (let j = 0; j < h; j++) pre[j]! += dv * K[i * h + j]!;
    }
    for (let j = 0; j < h; j++) {
      // pre-activation along the path: p0 + α(p1 − p0), α ∈ [0, 1]
      const p0 = preBase[j]!;
      const p1 = pre[j]!;
      let active: number;
      if (p0 > 0 && p1 > 0) active = 1;
      else if (p0 <= 0 && p1 <= 0) active = 0;
      else {
        const cross = p0 / (p0 - p1); // where it crosses 0
        active = p1 > 0 ? 1 - cross : cross;
      }
      unit[j] = v[j]! * active;
    }
    for (let i = 0; i < d; i++) {
      const dv = delta[i]!;
      if (dv === 0) continue;
      let grad = 0;
      for (let j = 0; j < h; j++) grad += K[i * h + j]! * unit[j]!;
      out[r * d + i] = dv * grad;
    }
  }
  return out;
}

/**
 * Integrated gradients with tfjs gradients at `steps` midpoints, for any
 * differentiable logit model (input n × d → n × 1 raw log-odds). Batched so
 * that at most ~8,192 path points are in one tensor.
 */
export function tfjsIntegratedGradients(model: tfl.LayersModel, x: ArrayLike<number>, n: number, baseline: ArrayLike<number>, steps = IG_STEPS): Float64Array {
  const d = baseline.length;
  const out = new Float64Array(n * d);
  const rowsPerChunk = Math.max(1, Math.floor(8192 / steps));
  const gradient = tf.grad((input: tf.Tensor) => tf.sum(model.apply(input) as tf.Tensor));
  for (let start = 0; start < n; start += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, n - start);
    const path = new Float32Array(count * steps * d);
    for (let r = 0; r < count; r++) {
      for (let k = 0; k < steps; k++) {
        const alpha = (k + 0.5) / steps;
        const at = (r * steps + k) * d;
        for (let i = 0; i < d; i++) {
          const b = baseline[i]!;
          path[at + i] = b + alpha * (x[(start + r) * d + i]! - b);
        }
      }
    }
    const grads = tf.tidy(() => gradient(tf.tensor2d(path, [count * steps, d])).dataSync() as Float32Array);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let k = 0; k < steps; k++) sum += grads[(r * steps + k) * d + i]!;
        const row = start + r;
        out[row * d + i] = ((x[row * d + i]! - baseline[i]!) * sum) / steps;
      }
    }
  }
  return out;
}
