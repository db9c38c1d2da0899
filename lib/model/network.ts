/**
 * The tfjs layers form of a dense network, for what needs tfjs itself
 * (training, and tests that check plain-JS scoring against tfjs). Never
 * imported by the service worker: see dense-network.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { layerName, type DenseLayer } from './dense-network';

/**
 * A tfjs model computing the raw log-odds (the last layer linear instead of
 * sigmoid), with the given weights. The caller owns it (dispose()).
 */
export function buildLogitModel(layers: readonly DenseLayer[]): tfl.Sequential {
  const model = tfl.sequential();
  layers.forEach((l, i) => {
    model.add(
      tfl.layers.dense({
        units: l.units,
        activation: i === layers.length - 1 ? 'linear' : 'relu',
        ...(i === 0 ? { inputShape: [l.inputs] } : {}),
        name: layerName(i, layers.length),
      }),
    );
  });
  const tensors = layers.flatMap((l) => [tf.tensor2d(l.kernel, [l.inputs, l.units]), tf.tensor1d(l.bias)]);
  model.setWeights(tensors);
  tf.dispose(tensors);
  return model;
}
