/**
 * Integrated gradients through tfjs, for any differentiable logit model: the
 * reference the plain-JS back-propagation (attribution.ts) is tested against,
 * and the path for models tfjs alone can run. Not imported by the service worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { IG_STEPS } from './attribution';

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
