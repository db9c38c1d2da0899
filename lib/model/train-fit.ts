/**
 * Fitting one model kind on transformed inputs, the same way in every CV
 * fold, in the learning curve and in the final fit: logistic regression
 * (exact Newton solve), the MLP (early stopping inside the training rows,
 * or a fixed number of epochs in the final fit), gradient-boosted trees
 * (early stopping on an inner validation split, or the CV folds' rounds in
 * the final fit), or logistic + MLP for an ensemble.
 */
import { compileGbt, gbtLogits } from './gbt/predict';
import { fitGbt } from './gbt/boost';
import type { GbtModel, GbtSettings, GbtShape } from './gbt/types';
import { fitLogisticWeights, type LogisticOptions } from './logistic';
import { balancedClassWeight, fitMlp } from './mlp';
import { forwardLogits, type DenseLayer } from './dense-network';
import { deriveSeed } from './prng';
import type { MlpSettings, NetworkModelKind } from './types';

export interface FitSettings {
  logistic: LogisticOptions;
  mlp: MlpSettings;
  gbt: GbtSettings;
  classWeights: 'balanced' | 'none';
  /** Inputs the trees may split on (preprocess treeInputs of the fit's preprocessor; default all). */
  gbtInputs?: readonly number[];
  /** One-hot groups the trees read as one code each (preprocess treeLayout). */
  gbtBundles?: readonly (readonly number[])[];
}

/** A model fitted on its own: one of a kind's members. */
export type Member = 'logistic' | 'mlp' | 'gbt';

export interface FittedNetworks {
  /** Present for kinds logistic and ensemble. */
  logistic?: DenseLayer[];
  /** Present for kinds mlp and ensemble. */
  mlp?: DenseLayer[];
  /** The MLP's best epoch (early stopping), when one was trained. */
  bestEpoch?: number;
  /** Present for kind gbt. */
  gbt?: GbtModel;
  /** The trees' best round (early stopping), when they were trained. */
  bestRounds?: number;
  /** The tree shape the validation split chose. */
  gbtShape?: GbtShape;
}

export interface FitHooks {
  /** After each MLP epoch; may await (a cancel check) or throw. */
  onEpoch?: (epoch: number, epochs: number) => void | Promise<void>;
  /** Every 10 boosting rounds; may await or throw. */
  onRound?: (round: number, share: number) => void | Promise<void>;
}

export const membersOf = (kind: NetworkModelKind): Member[] => (kind === 'ensemble' ? ['logistic', 'mlp'] : [kind]);

/**
 * Fits the networks `kind` needs. `seed` decides the MLP's start, batches
 * and held-out rows (and the trees' samples); `finalEpochs` /
 * `finalRounds` switch the MLP / the trees to a fixed-length fit on all rows.
 */
export async function fitNetworks(
  kinds: readonly Member[],
  x: Float32Array,
  y: readonly number[],
  d: number,
  settings: FitSettings,
  seed: number,
  hooks: FitHooks = {},
  finalEpochs?: number,
  finalRounds?: number,
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
      {
        ...settings.mlp,
        seed: deriveSeed(seed, 0x6d6c70),
        ...(classWeight ? { classWeight } : {}),
        ...(finalEpochs !== undefined ? { fixedEpochs: finalEpochs } : {}),
      },
      hooks,
    );
    out.mlp = fit.layers;
    out.bestEpoch = fit.bestEpoch;
  }
  if (kinds.includes('gbt')) {
    const fit = await fitGbt(
      x,
      y,
      d,
      {
        ...settings.gbt,
        seed: deriveSeed(seed, 0x676274),
        ...(classWeight ? { classWeight } : {}),
        ...(finalRounds !== undefined ? { fixedRounds: finalRounds } : {}),
        ...(settings.gbtInputs ? { inputs: settings.gbtInputs } : {}),
        ...(settings.gbtBundles ? { bundles: settings.gbtBundles } : {}),
      },
      hooks.onRound ? { onRound: hooks.onRound } : {},
    );
    out.gbt = fit.model;
    out.bestRounds = fit.bestRounds;
    out.gbtShape = fit.shape;
  }
  return out;
}

/** Raw log-odds of each fitted network on x (n rows), plain JS (training never needs tensors). */
export function networkLogits(fitted: FittedNetworks, x: Float32Array, n: number): MemberLogits {
  return {
    ...(fitted.logistic ? { logistic: forwardLogits(fitted.logistic, x, n) } : {}),
    ...(fitted.mlp ? { mlp: forwardLogits(fitted.mlp, x, n) } : {}),
    ...(fitted.gbt ? { gbt: gbtLogits(compileGbt(fitted.gbt), x, n, x.length / Math.max(1, n)) } : {}),
  };
}

export type MemberLogits = Partial<Record<Member, Float64Array>>;

/** The log-odds of a kind from its members' (an ensemble averages them). */
export function kindLogits(kind: NetworkModelKind, z: MemberLogits): Float64Array {
  if (kind !== 'ensemble') return z[kind]!;
  const a = z.logistic!;
  const b = z.mlp!;
  return a.map((v, i) => (v + b[i]!) / 2);
}
