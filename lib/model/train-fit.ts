/**
 * Fitting one model kind on transformed inputs, the same way in every CV
 * fold, in the learning curve and in the final fit: logistic regression
 * (exact Newton solve), the MLP (early stopping inside the training rows,
 * or a fixed number of epochs in the final fit), or both for an ensemble.
 */
import { fitLogisticWeights, type LogisticOptions } from './logistic';
import { balancedClassWeight, fitMlp } from './mlp';
import { forwardLogits, type DenseLayer } from './network';
import { deriveSeed } from './prng';
import type { MlpSettings, NetworkModelKind } from './types';

export interface FitSettings {
  logistic: LogisticOptions;
  mlp: MlpSettings;
  classWeights: 'balanced' | 'none';
}

export interface FittedNetworks {
  /** Present for kinds logistic and ensemble. */
  logistic?: DenseLayer[];
  /** Present for kinds mlp and ensemble. */
  mlp?: DenseLayer[];
  /** The MLP's best epoch (early stopping), when one was trained. */
  bestEpoch?: number;
}

export interface FitHooks {
  /** After each MLP epoch; may await (a cancel check) or throw. */
  onEpoch?: (epoch: number, epochs: number) => void | Promise<void>;
}

export const membersOf = (kind: NetworkModelKind): ('logistic' | 'mlp')[] => (kind === 'ensemble' ? ['logistic', 'mlp'] : [kind]);

/**
 * Fits the networks `kind` needs. `seed` decides the MLP's start, batches
 * and held-out rows; `finalEpochs` switches the MLP to a fixed-length fit
 * on all rows.
 */
export async function fitNetworks(
  kinds: readonly ('logistic' | 'mlp')[],
  x: Float32Array,
  y: readonly number[],
  d: number,
  settings: FitSettings,
  seed: number,
  hooks: FitHooks = {},
  finalEpochs?: number,
): Promise<FittedNetworks> {
  const classWeight = settings.classWeights === 'balanced' ? balancedClassWeight(y) : undefined;
  const out: FittedNetworks = {};
  if (kinds.includes('logistic')) {
    const { weights, bias } = fitLogisticWeights(x, y, d, { ...settings.logistic, seed, ...(classWeight ? { classWeight } : {}) });
    out.logistic = [{ inputs: d, units: 1, kernel: Float32Array.from(weights), bias: Float32Array.of(bias), activation: 'sigmoid' }];
  }
  if (kinds.includes('mlp')) {
    const fit = await fitMlp(
      x,
      y,
      d,
      { ...settings.mlp, seed: deriveSeed(seed, 0x6d6c70), ...(classWeight ? { classWeight } : {}), ...(finalEpochs !== undefined ? { fixedEpochs: finalEpochs } : {}) },
      hooks,
    );
    out.mlp = fit.layers;
    out.bestEpoch = fit.bestEpoch;
  }
  return out;
}

/** Raw log-odds of each fitted network on x (n rows), plain JS (training never needs tensors). */
export function networkLogits(fitted: FittedNetworks, x: Float32Array, n: number): { logistic?: Float64Array; mlp?: Float64Array } {
  return {
    ...(fitted.logistic ? { logistic: forwardLogits(fitted.logistic, x, n) } : {}),
    ...(fitted.mlp ? { mlp: forwardLogits(fitted.mlp, x, n) } : {}),
  };
}

/** The log-odds of a kind from its members' (an ensemble averages them). */
export function kindLogits(kind: NetworkModelKind, z: { logistic?: Float64Array; mlp?: Float64Array }): Float64Array {
  if (kind !== 'ensemble') return z[kind]!;
  const a = z.logistic!;
  const b = z.mlp!;
  return a.map((v, i) => (v + b[i]!) / 2);
}
