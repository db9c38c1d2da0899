/**
 * Dense networks as plain numbers, and their tfjs layers form — in plain JS,
 * so the service worker scores and explains them without loading tfjs
 * (tfjs-layers and tfjs-core are most of a bundle parsed at every worker
 * start, and MV3 service workers cannot import() a chunk later).
 *
 * Both trained kinds are Sequential stacks of Dense layers: logistic
 * regression is dense(1, sigmoid); the MLP is dense(h, relu)… → dense(1,
 * sigmoid). Training (logistic.ts, mlp.ts) produces `DenseLayer`s; the
 * artifact stores them as a tfjs layers model (topology + little-endian
 * float32 weights, kernel then bias per layer), which any tfjs can load.
 *
 * Reading back never hands stored topology JSON to tfjs: the validated
 * shapes are rebuilt (network.ts `buildLogitModel`) and the weights set, so a
 * hostile topology cannot reach the layers deserialiser.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import type { TfjsWeights } from './types';

export interface DenseLayer {
  inputs: number;
  units: number;
  /** Row-major [inputs, units], as tfjs stores a Dense kernel. */
  kernel: Float32Array;
  bias: Float32Array;
  activation: 'relu' | 'sigmoid';
}

/** Layer names as written to the topology and weight specs. */
export const layerName = (index: number, count: number) => (index === count - 1 ? 'logit' : `hidden_${index + 1}`);

/** The stored tfjs form of a stack of dense layers (last one: 1 unit, sigmoid). */
export function networkToTfjs(layers: readonly DenseLayer[]): TfjsWeights {
  const tfLayers = layers.map((l, i) => ({
    class_name: 'Dense',
    config: {
      units: l.units,
      activation: l.activation,
      use_bias: true,
      kernel_initializer: { class_name: 'Zeros', config: {} },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      name: layerName(i, layers.length),
      trainable: true,
      ...(i === 0 ? { batch_input_shape: [null, l.inputs] } : {}),
      dtype: 'float32',
    },
  }));
  const weightSpecs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  let floats = 0;
  layers.forEach((l, i) => {
    const name = layerName(i, layers.length);
    weightSpecs.push({ name: `${name}/kernel`, shape: [l.inputs, l.units], dtype: 'float32' });
    weightSpecs.push({ name: `${name}/bias`, shape: [l.units], dtype: 'float32' });
    floats += l.kernel.length + l.bias.length;
  });
  const bytes = new Uint8Array(floats * 4);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const l of layers) {
    for (const v of l.kernel) view.setFloat32(at++ * 4, v, true);
    for (const v of l.bias) view.setFloat32(at++ * 4, v, true);
  }
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'churn_model', layers: tfLayers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightSpecs,
    weightData: bytesToBase64(bytes),
  };
}

/** Little-endian float32 values of a byte buffer. */
export function littleEndianFloats(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/**
 * The layers of validated TfjsWeights (parseModelArtifact checked shapes,
 * byte length and activations). Hidden activations are relu, the last sigmoid.
 */
export function networkFromTfjs(weights: TfjsWeights): DenseLayer[] {
  const floats = littleEndianFloats(base64ToBytes(weights.weightData));
  const specs = weights.weightSpecs as { shape: number[] }[];
  const layers: DenseLayer[] = [];
  let at = 0;
  for (let i = 0; i + 1 < specs.length; i += 2) {
    const [inputs, units] = specs[i]!.shape as [number, number];
    const kernel = floats.slice(at, at + inputs * units);
    at += inputs * units;
    const bias = floats.slice(at, at + units);
    at += units;
    layers.push({ inputs, units, kernel, bias, activation: i + 2 === specs.length ? 'sigmoid' : 'relu' });
  }
  return layers;
}

/** Raw log-odds of row-major x (n × d) through the layers, in plain JS (float64 accumulation). */
export function forwardLogits(layers: readonly DenseLayer[], x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  const widest = Math.max(...layers.map((l) => l.units));
  let a = new Float64Array(widest);
  let b = new Float64Array(widest);
  const d = layers[0]!.inputs;
  for (let r = 0; r < n; r++) {
    let input: ArrayLike<number> = x;
    let offset = r * d;
    for (let li = 0; li < layers.length; li++) {
      const l = layers[li]!;
      const last = li === layers.length - 1;
      for (let j = 0; j < l.units; j++) b[j] = l.bias[j]!;
      for (let i = 0; i < l.inputs; i++) {
        const v = input[offset + i]!;
        if (v === 0) continue;
        const row = i * l.units;
        for (let j = 0; j < l.units; j++) b[j]! += v * l.kernel[row + j]!;
      }
      if (last) {
        out[r] = b[0]!;
      } else {
        for (let j = 0; j < l.units; j++) if (b[j]! < 0) b[j] = 0;
        [a, b] = [b, a];
        input = a;
        offset = 0;
      }
    }
  }
  return out;
}
