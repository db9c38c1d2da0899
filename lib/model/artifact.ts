/**
 * Persistence: a trained tfjs model ⇄ the JSON-safe `TfjsWeights` inside a
 * ModelArtifact, and validation of artifacts read back from storage or
 * imported from a file.
 *
 * `parseModelArtifact` is the only door for untrusted JSON: it checks the
 * shape with zod, then the cross-field facts tfjs would otherwise trip over
 * deep inside (input counts, weight shapes, byte lengths, finite values), and
 * throws a ModelArtifactError whose message names what is wrong.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './base64';
import { ensureCpuBackend } from './logistic';
import { featureLayout } from './preprocess';
import type { ModelArtifact, TfjsWeights } from './types';

export const ARTIFACT_FORMAT = 'churn-radar-model';
export const ARTIFACT_FORMAT_VERSION = 1;

/** A model file that cannot be used; the message says why, for a manager to read. */
export class ModelArtifactError extends Error {
  override name = 'ModelArtifactError';
}

/** Serialises a trained layers model through a custom tf.io save handler (no files, no IndexedDB). */
export async function serializeModel(model: tfl.LayersModel): Promise<TfjsWeights> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save({
    save: async (artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  if (!captured?.modelTopology || !captured.weightSpecs || !captured.weightData) {
    throw new Error('tfjs did not hand over the model topology and weights');
  }
  const data = captured.weightData;
  const bytes = new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
  return {
    // JSON round trip: plain data only, exactly what a file would hold.
    modelTopology: JSON.parse(JSON.stringify(captured.modelTopology)) as unknown,
    weightSpecs: JSON.parse(JSON.stringify(captured.weightSpecs)) as unknown[],
    weightData: bytesToBase64(bytes),
  };
}

/** Loads a layers model from validated TfjsWeights (call parseModelArtifact first for untrusted input). */
export async function loadModel(weights: TfjsWeights): Promise<tfl.LayersModel> {
  await ensureCpuBackend();
  const bytes = base64ToBytes(weights.weightData);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: weights.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: weights.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: buffer,
    }),
  );
}

/** The logistic kernel (one weight per input) and bias, decoded from the artifact's weight buffer. */
export function decodeLogisticWeights(artifact: ModelArtifact): { weights: Float32Array; bias: number } {
  const d = artifact.preprocessor.featureNames.length;
  const floats = littleEndianFloats(base64ToBytes(artifact.tfjs.weightData));
  if (floats.length !== d + 1) throw new ModelArtifactError(`expected ${d + 1} weights, found ${floats.length}`);
  return { weights: floats.slice(0, d), bias: floats[d]! };
}

function littleEndianFloats(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

// ---------------------------------------------------------------- validation

const name = z.string().min(1).max(500);
const fittedColumn = z.discriminatedUnion('kind', [
  z.object({
    name,
    kind: z.literal('numeric'),
    center: z.number(),
    scale: z.number().positive(),
    missingIndicator: z.boolean(),
    clip: z.number().positive().optional(),
  }),
  z.object({ name, kind: z.literal('binary'), fill: z.number().min(0).max(1).optional() }),
  z.object({ name, kind: z.literal('categorical'), levels: z.array(z.string().max(1000)).max(1000) }),
]);

const metrics = z.object({
  rows: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  features: z.number().int().nonnegative(),
  folds: z.number().int().nonnegative(),
  roc_auc: z.number(),
  roc_auc_sd: z.number(),
  pr_auc: z.number(),
  pr_auc_sd: z.number(),
  brier: z.number(),
  train_seconds: z.number().nonnegative(),
  log_loss: z.number().optional(),
  skipped_rows: z.number().int().nonnegative().optional(),
});

const weightSpec = z.object({
  name: z.string().max(500),
  shape: z.array(z.number().int().nonnegative()).max(8),
  dtype: z.literal('float32'),
});

const artifactSchema = z.object({
  format: z.literal(ARTIFACT_FORMAT),
  formatVersion: z.literal(ARTIFACT_FORMAT_VERSION),
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  kind: z.literal('logistic'),
  createdAt: z.string().max(100),
  trainedBy: z.string().max(500),
  label: z.object({ column: name, positive: z.string().max(500) }),
  preprocessor: z.object({
    columns: z.array(fittedColumn).min(1).max(5000),
    featureNames: z.array(z.string().max(2000)).min(1).max(20000),
    featureSource: z.array(z.string().max(500)).max(20000),
  }),
  baseline: z.array(z.number()).max(20000),
  tfjs: z.object({
    modelTopology: z.record(z.string(), z.unknown()),
    weightSpecs: z.array(weightSpec).max(100),
    weightData: z
      .string()
      .max(1_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64 text'),
  }),
  metrics,
  trainingData: z.object({ hash: z.string().max(200), rows: z.number().int().nonnegative(), source: z.string().max(2000) }),
  columnSpecs: z
    .array(z.object({ name: z.string().max(500), kind: z.enum(['numeric', 'binary', 'categorical', 'ignore']), note: z.string().max(2000).optional() }))
    .max(5000)
    .optional(),
  training: z
    .object({
      seed: z.number().int(),
      folds: z.number().int().nonnegative(),
      epochs: z.number().int().nonnegative(),
      batchSize: z.number().int().nonnegative(),
      learningRate: z.number().nonnegative(),
      l2: z.number().nonnegative(),
    })
    .optional(),
});

/**
 * Validates untrusted JSON (an object, or the JSON text) as a ModelArtifact.
 * Throws ModelArtifactError naming the first problems found.
 */
export function parseModelArtifact(json: unknown): ModelArtifact {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      throw new ModelArtifactError(`Invalid model file: not JSON (${(error as Error).message})`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelArtifactError('Invalid model file: expected a JSON object');
  }
  const format = (value as { format?: unknown }).format;
  if (format !== ARTIFACT_FORMAT) {
    throw new ModelArtifactError(`Invalid model file: format is ${JSON.stringify(format) ?? 'missing'}, expected "${ARTIFACT_FORMAT}"`);
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (version !== ARTIFACT_FORMAT_VERSION) {
    throw new ModelArtifactError(
      `Unsupported model file version ${JSON.stringify(version) ?? '(missing)'}: this version of Churn Radar reads version ${ARTIFACT_FORMAT_VERSION}`,
    );
  }
  const parsed = artifactSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new ModelArtifactError(`Invalid model file: ${issues.join('; ')}${more}`);
  }
  const artifact: ModelArtifact = parsed.data;
  const problem = consistencyProblem(artifact);
  if (problem) throw new ModelArtifactError(`Invalid model file: ${problem}`);
  return artifact;
}

/** Cross-field checks; returns the first problem, or null. */
function consistencyProblem(a: ModelArtifact): string | null {
  const { columns, featureNames, featureSource } = a.preprocessor;
  const d = featureNames.length;
  if (featureSource.length !== d) {
    return `preprocessor.featureSource has ${featureSource.length} entries but featureNames has ${d}`;
  }
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name)) return `preprocessor.columns: column "${c.name}" appears twice`;
    names.add(c.name);
  }
  const layout = featureLayout(columns);
  if (layout.featureNames.length !== d) {
    return `preprocessor.columns describe ${layout.featureNames.length} inputs but featureNames lists ${d}`;
  }
  for (let i = 0; i < d; i++) {
    if (layout.featureNames[i] !== featureNames[i] || layout.featureSource[i] !== featureSource[i]) {
      return `preprocessor input ${i + 1} is "${featureNames[i]}" from "${featureSource[i]}" but the columns define "${layout.featureNames[i]}" from "${layout.featureSource[i]}"`;
    }
  }
  if (a.baseline.length !== d) return `baseline has ${a.baseline.length} values but the model has ${d} inputs`;
  if (a.metrics.features !== d) return `metrics.features is ${a.metrics.features} but the model has ${d} inputs`;

  const specs = a.tfjs.weightSpecs as z.infer<typeof weightSpec>[];
  if (specs.length !== 2) return `tfjs.weightSpecs: a logistic model has 2 weight tensors (kernel, bias), found ${specs.length}`;
  const [kernel, bias] = specs as [z.infer<typeof weightSpec>, z.infer<typeof weightSpec>];
  if (kernel.shape.length !== 2 || kernel.shape[0] !== d || kernel.shape[1] !== 1) {
    return `tfjs.weightSpecs[0] (kernel) has shape [${kernel.shape.join(', ')}], expected [${d}, 1] for ${d} inputs`;
  }
  if (bias.shape.length !== 1 || bias.shape[0] !== 1) return `tfjs.weightSpecs[1] (bias) has shape [${bias.shape.join(', ')}], expected [1]`;

  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(a.tfjs.weightData);
  } catch (error) {
    return `tfjs.weightData is not valid base64 (${(error as Error).message})`;
  }
  const expected = (d + 1) * 4;
  if (bytes.byteLength !== expected) {
    return `tfjs.weightData holds ${bytes.byteLength} bytes but the weight specs need ${expected} (${d + 1} float32 values)`;
  }
  const floats = littleEndianFloats(bytes);
  const bad = floats.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return `tfjs.weightData: weight ${bad + 1} is not a finite number`;

  return topologyProblem(a.tfjs.modelTopology, d);
}

/** The topology must be exactly the Sequential dense(1, sigmoid) on d inputs that training writes. */
function topologyProblem(topology: unknown, d: number): string | null {
  const t = topology as { class_name?: unknown; config?: { layers?: unknown } };
  if (t.class_name !== 'Sequential') return `tfjs.modelTopology: expected a Sequential model, found ${JSON.stringify(t.class_name) ?? 'nothing'}`;
  const layers = t.config?.layers;
  if (!Array.isArray(layers) || layers.length !== 1) {
    return `tfjs.modelTopology: expected exactly one layer, found ${Array.isArray(layers) ? layers.length : 'none'}`;
  }
  const layer = layers[0] as { class_name?: unknown; config?: Record<string, unknown> };
  const config = layer.config ?? {};
  if (layer.class_name !== 'Dense') return `tfjs.modelTopology: expected a Dense layer, found ${JSON.stringify(layer.class_name) ?? 'nothing'}`;
  if (config.units !== 1) return `tfjs.modelTopology: the Dense layer must have 1 unit, found ${JSON.stringify(config.units)}`;
  if (config.activation !== 'sigmoid') return `tfjs.modelTopology: the activation must be sigmoid, found ${JSON.stringify(config.activation)}`;
  if (config.use_bias !== true) return 'tfjs.modelTopology: the Dense layer must use a bias';
  const shape = config.batch_input_shape;
  if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== null || shape[1] !== d) {
    return `tfjs.modelTopology: input shape is ${JSON.stringify(shape)}, expected [null, ${d}]`;
  }
  return null;
}
