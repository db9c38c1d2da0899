/**
 * The numeric core of a trained model (kinds logistic, mlp, ensemble):
 * transformed inputs → raw log-odds z, and per-input attributions of z
 * against the baseline. Calibration and grouping by column are the
 * scorer's.
 *
 * Both run as plain JS over the stored tfjs layers' weights: logistic
 * regression as a dot product, the MLP through `forwardLogits` (the same
 * function training used for its out-of-fold scores and calibration, so
 * scores match what was evaluated). Measured on 100,000 Telco-like rows
 * with other work on the machine: the MLP forward pass ran at 160–270k
 * rows/s in plain JS against 38–70k rows/s through tfjs `model.predict` on
 * the cpu backend (the only backend in a service worker), and the product
 * target is ≥ 100,000 customers/s. tfjs stays the format (any tfjs loads
 * the stored model; a test checks it gives the same probabilities); the
 * gradients of deeper networks are back-propagated in plain JS too, so the
 * service worker never loads tfjs (a test checks them against tfjs).
 */
import { denseIntegratedGradients, exactIntegratedGradients, logisticAttributions } from './attribution';
import { forwardLogits, networkFromTfjs, type DenseLayer } from './dense-network';
import { compileGbt, gbtLogits, type CompiledGbt } from './gbt/predict';
import { gbtAttributions } from './gbt/shap';
import type { EnsembleMember, ModelArtifact } from './types';

export interface ModelRuntime {
  /** Raw log-odds for n row-major rows. */
  logits(x: Float32Array, n: number): Float64Array;
  /** n × d attributions, each row summing to z(x) − z(baseline). */
  attributions(x: Float32Array, n: number): Float64Array;
  dispose(): void;
}

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
  return {
    logits: (x, n) => forwardLogits(layers, x, n),
    attributions: (x, n) => (layers.length === 2 ? exactIntegratedGradients(layers, x, n, baseline) : denseIntegratedGradients(layers, x, n, baseline)),
    dispose() {},
  };
}

/** Gradient-boosted trees: plain-JS tree walks; exact Shapley values against the baseline (gbt/shap.ts). */
export function gbtRuntime(model: CompiledGbt, baseline: readonly number[]): ModelRuntime {
  const d = baseline.length;
  return {
    logits: (x, n) => gbtLogits(model, x, n, d),
    attributions: (x, n) => gbtAttributions(model, x, n, baseline),
    dispose() {},
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

/** The runtime of a validated artifact of kind logistic, mlp, gbt or ensemble. */
export async function createRuntime(artifact: Pick<ModelArtifact, 'kind' | 'tfjs' | 'members' | 'baseline' | 'gbt'>): Promise<ModelRuntime> {
  if (artifact.kind === 'gbt') return gbtRuntime(compileGbt(artifact.gbt!), artifact.baseline);
  const member = (m: EnsembleMember) => runtimeForLayers(m.kind, networkFromTfjs(m.tfjs), artifact.baseline);
  if (artifact.kind === 'ensemble') return ensembleRuntime(artifact.members!.map(member));
  if (artifact.kind === 'logistic' || artifact.kind === 'mlp') return member({ kind: artifact.kind, tfjs: artifact.tfjs! });
  throw new Error(`no numeric runtime for a ${artifact.kind} model`);
}

export { ensembleRuntime };
