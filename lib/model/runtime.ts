/**
 * The numeric core of a trained model (kinds logistic, mlp, ensemble):
 * transformed inputs → raw log-odds z, and per-input attributions of z
 * against the baseline. Calibration and grouping by column are the
 * scorer's.
 *
 * Logistic regression is a plain JS dot product (exact, ≫ 100,000 rows/s,
 * no tensors). The MLP runs through tfjs (the stored layers, rebuilt from
 * validated shapes, last activation linear to read z), batched.
 */
import * as tf from '@tensorflow/tfjs-core';
import { exactIntegratedGradients, logisticAttributions, tfjsIntegratedGradients } from './attribution';
import { ensureCpuBackend } from './logistic';
import { buildLogitModel, networkFromTfjs, type DenseLayer } from './network';
import type { EnsembleMember, ModelArtifact } from './types';

export interface ModelRuntime {
  /** Raw log-odds for n row-major rows. */
  logits(x: Float32Array, n: number): Float64Array;
  /** n × d attributions, each row summing to z(x) − z(baseline). */
  attributions(x: Float32Array, n: number): Float64Array;
  dispose(): void;
}

const PREDICT_BATCH = 8192;

function logisticRuntime(layer: DenseLayer, baseline: readonly number[]): ModelRuntime {
  const d = layer.inputs;
  const w = Float64Array.from(layer.kernel);
  const b = layer.bias[0]!;
  return {
    logits(x, n) {
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let z = b;
        const at = r * d;
        for (let i = 0; i < d; i++) z += w[i]! * x[at + i]!;
        out[r] = z;
      }
      return out;
    },
    attributions: (x, n) => logisticAttributions(w, x, n, baseline),
    dispose() {},
  };
}

function mlpRuntime(layers: DenseLayer[], baseline: readonly number[]): ModelRuntime {
  const d = layers[0]!.inputs;
  const model = buildLogitModel(layers);
  return {
    logits(x, n) {
      const out = new Float64Array(n);
      for (let start = 0; start < n; start += PREDICT_BATCH) {
        const count = Math.min(PREDICT_BATCH, n - start);
        const z = tf.tidy(() => (model.predict(tf.tensor2d(x.subarray(start * d, (start + count) * d), [count, d])) as tf.Tensor).dataSync());
        out.set(z, start);
      }
      return out;
    },
    attributions: (x, n) =>
      layers.length === 2 ? exactIntegratedGradients(layers, x, n, baseline) : tfjsIntegratedGradients(model, x, n, baseline),
    dispose: () => model.dispose(),
  };
}

/** Raw log-odds averaged over members (and so are the attributions). */
function ensembleRuntime(members: ModelRuntime[]): ModelRuntime {
  const average = (parts: Float64Array[]) => {
    const out = new Float64Array(parts[0]!.length);
    for (const p of parts) for (let i = 0; i < out.length; i++) out[i]! += p[i]! / parts.length;
    return out;
  };
  return {
    logits: (x, n) => average(members.map((m) => m.logits(x, n))),
    attributions: (x, n) => average(members.map((m) => m.attributions(x, n))),
    dispose: () => members.forEach((m) => m.dispose()),
  };
}

export function runtimeForLayers(kind: 'logistic' | 'mlp', layers: DenseLayer[], baseline: readonly number[]): ModelRuntime {
  return kind === 'logistic' ? logisticRuntime(layers[0]!, baseline) : mlpRuntime(layers, baseline);
}

/** The runtime of a validated artifact of kind logistic, mlp or ensemble. */
export async function createRuntime(artifact: Pick<ModelArtifact, 'kind' | 'tfjs' | 'members' | 'baseline'>): Promise<ModelRuntime> {
  await ensureCpuBackend();
  const member = (m: EnsembleMember) => runtimeForLayers(m.kind, networkFromTfjs(m.tfjs), artifact.baseline);
  if (artifact.kind === 'ensemble') return ensembleRuntime(artifact.members!.map(member));
  if (artifact.kind === 'logistic' || artifact.kind === 'mlp') return member({ kind: artifact.kind, tfjs: artifact.tfjs! });
  throw new Error(`no numeric runtime for a ${artifact.kind} model`);
}

export { ensembleRuntime };
