import { sizeProblem } from '@/lib/files/limits';
import { jsonHostility, OBJECT_MAGIC_KEYS } from '@/lib/files/untrusted-json';
import { artifactSchema, MAX_HIDDEN_UNITS, MAX_INPUTS, type WeightSpec } from './artifact-schema';
import { base64ToBytes } from './base64';
import { littleEndianFloats } from './dense-network';
import { gbtProblem } from './gbt/validate';
import { featureLayout } from './preprocess';
import type { ModelArtifact, TfjsWeights } from './types';

export const ARTIFACT_FORMAT = 'churn-radar-model';
/** The version written; READABLE_VERSIONS are read. */
export const ARTIFACT_FORMAT_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3];
/** The version of models imported from other engines (mapped inputs, kind layers). */
export const ENGINE_FORMAT_VERSION = 3;

/** A model file that cannot be used; the message says why, for a manager to read. */
export class ModelArtifactError extends Error {
  override name = 'ModelArtifactError';
}

/** The logistic kernel (one weight per input) and bias, decoded from a logistic model's weight buffer. */
export function decodeLogisticWeights(artifact: Pick<ModelArtifact, 'preprocessor' | 'tfjs'>): { weights: Float32Array; bias: number } {
  const d = artifact.preprocessor.featureNames.length;
  if (!artifact.tfjs) throw new ModelArtifactError('this model has no logistic weights');
  const floats = littleEndianFloats(base64ToBytes(artifact.tfjs.weightData));
  if (floats.length !== d + 1) throw new ModelArtifactError(`expected ${d + 1} weights, found ${floats.length}`);
  return { weights: floats.slice(0, d), bias: floats[d]! };
}

// ---------------------------------------------------------------- validation

/**
 * Validates untrusted JSON (an object, or the JSON text) as a ModelArtifact.
 * Throws ModelArtifactError naming the first problems found.
 */
export function parseModelArtifact(json: unknown): ModelArtifact {
  let value = json;
  if (typeof value === 'string') {
    const tooBig = sizeProblem('model', value.length);
    if (tooBig) throw new ModelArtifactError(`Invalid model file: ${tooBig}`);
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
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    throw new ModelArtifactError(
      `Unsupported model file version ${JSON.stringify(version) ?? '(missing)'}: this version of Churn Radar reads versions ${`${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}`}`,
    );
  }
  const hostile = jsonHostility(value, OBJECT_MAGIC_KEYS);
  if (hostile) throw new ModelArtifactError(`Invalid model file: ${hostile}`);
  const inputs = (value as { preprocessor?: { featureNames?: unknown } }).preprocessor?.featureNames;
  if (Array.isArray(inputs) && inputs.length > MAX_INPUTS) {
    throw new ModelArtifactError(`Invalid model file: ${inputs.length} model inputs is more than the ${MAX_INPUTS} allowed`);
  }
  if (typeof json !== 'string') {
    let chars: number;
    try {
      chars = JSON.stringify(value).length;
    } catch (error) {
      throw new ModelArtifactError(`Invalid model file: cannot be written as JSON (${(error as Error).message})`);
    }
    const tooBig = sizeProblem('model', chars);
    if (tooBig) throw new ModelArtifactError(`Invalid model file: ${tooBig}`);
  }
  const parsed = artifactSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new ModelArtifactError(`Invalid model file: ${issues.join('; ')}${more}`);
  }
  const artifact = parsed.data as ModelArtifact;
  const problem = versionProblem(artifact) ?? preprocessorProblem(artifact) ?? modelProblem(artifact) ?? calibrationProblem(artifact);
  if (problem) throw new ModelArtifactError(`Invalid model file: ${problem}`);
  return artifact;
}

/** Version 1 files are logistic regressions without any version-2 field; mapped inputs and kind layers need version 3. */
function versionProblem(a: ModelArtifact): string | null {
  // The schema knows Keras layers models (issue 17), but nothing scores them yet: refuse rather than store a model that cannot score.
  if (a.kind === 'layers') return 'Keras/TensorFlow models (kind "layers") cannot be scored by this version yet';
  if (a.formatVersion < ENGINE_FORMAT_VERSION) {
    if (a.preprocessor.columns.some((c) => c.kind === 'mapped'))
      return `mapped inputs need format version ${ENGINE_FORMAT_VERSION} (this file says version ${a.formatVersion})`;
  }
  if (a.formatVersion !== 1) return null;
  if (a.kind !== 'logistic') return `kind "${a.kind}" needs format version 2 (this file says version 1)`;
  for (const field of ['members', 'scorecard', 'gbt', 'bgnbd', 'layers', 'calibration', 'evaluation', 'parent'] as const) {
    if (a[field] !== undefined) return `${field} needs format version 2 (this file says version 1)`;
  }
  if (a.preprocessor.columns.some((c) => c.kind === 'numeric' && c.knots !== undefined)) return 'spline knots need format version 2 (this file says version 1)';
  return null;
}

function preprocessorProblem(a: ModelArtifact): string | null {
  const { columns, featureNames, featureSource } = a.preprocessor;
  const d = featureNames.length;
  if (featureSource.length !== d) {
    return `preprocessor.featureSource has ${featureSource.length} entries but featureNames has ${d}`;
  }
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name)) return `preprocessor.columns: column "${c.name}" appears twice`;
    names.add(c.name);
    if (c.kind === 'numeric' && c.knots) {
      for (let j = 1; j < c.knots.length; j++) if (!(c.knots[j]! > c.knots[j - 1]!)) return `preprocessor.columns: the knots of "${c.name}" must increase`;
    }
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
  return null;
}

function modelProblem(a: ModelArtifact): string | null {
  const d = a.preprocessor.featureNames.length;
  const article = a.kind === 'ensemble' || a.kind === 'mlp' ? 'an' : 'a';
  const only = (allowed: 'tfjs' | 'members' | 'scorecard' | 'gbt' | 'bgnbd' | 'layers'): string | null => {
    if (a[allowed] === undefined) return `${article} ${a.kind} model needs ${allowed}`;
    for (const field of ['tfjs', 'members', 'scorecard', 'gbt', 'bgnbd', 'layers'] as const) {
      if (field !== allowed && a[field] !== undefined) return `${article} ${a.kind} model has no ${field}`;
    }
    return null;
  };
  switch (a.kind) {
    case 'logistic':
      return only('tfjs') ?? networkProblem(a.tfjs!, d, 'logistic', 'tfjs');
    case 'mlp':
      return only('tfjs') ?? networkProblem(a.tfjs!, d, 'mlp', 'tfjs');
    case 'gbt':
      return only('gbt') ?? gbtProblem(a.gbt!, d);
    case 'ensemble': {
      const problem = only('members');
      if (problem) return problem;
      for (const [i, m] of a.members!.entries()) {
        const p = networkProblem(m.tfjs, d, m.kind, `members.${i}.tfjs`);
        if (p) return p;
      }
      return null;
    }
    case 'scorecard': {
      const problem = only('scorecard');
      if (problem) return problem;
      const sources = new Set(a.preprocessor.featureSource);
      const missing = a.scorecard!.rules.find((r) => !sources.has(`ind:${r.indicator}`));
      return missing ? `scorecard rule on "${missing.indicator}" has no model input "ind:${missing.indicator}"` : null;
    }
    case 'bgnbd':
      return only('bgnbd');
    case 'layers':
      return only('layers') ?? layersProblem(a.layers!);
  }
}

/** The weight buffer must hold exactly the float32 values the specs declare, all finite. */
function layersProblem(l: NonNullable<ModelArtifact['layers']>): string | null {
  let floats = 0;
  for (const spec of l.weightSpecs) floats += spec.shape.reduce((p, s) => p * s, 1);
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(l.weightData);
  } catch (error) {
    return `layers.weightData is not valid base64 (${(error as Error).message})`;
  }
  if (bytes.byteLength !== floats * 4) return `layers.weightData holds ${bytes.byteLength} bytes but the weight specs need ${floats * 4}`;
  const bad = littleEndianFloats(bytes).findIndex((v) => !Number.isFinite(v));
  return bad >= 0 ? `layers.weightData: weight ${bad + 1} is not a finite number` : null;
}

function calibrationProblem(a: ModelArtifact): string | null {
  const c = a.calibration;
  if (c?.method !== 'isotonic') return null;
  if (c.x.length !== c.y.length) return `calibration: ${c.x.length} x values but ${c.y.length} y values`;
  for (let i = 1; i < c.x.length; i++) {
    if (!(c.x[i]! > c.x[i - 1]!)) return 'calibration: isotonic x values must increase';
    if (c.y[i]! < c.y[i - 1]!) return 'calibration: isotonic y values must not decrease';
  }
  return null;
}

/**
 * The weights must be exactly a Sequential stack of Dense layers on d inputs,
 * as training writes: logistic = one dense(1, sigmoid); mlp = 1–3 hidden
 * dense(relu) layers then dense(1, sigmoid). Shapes chain, byte length
 * matches, every weight is finite.
 */
function networkProblem(t: TfjsWeights, d: number, kind: 'logistic' | 'mlp', at: string): string | null {
  const specs = t.weightSpecs as WeightSpec[];
  if (kind === 'logistic' && specs.length !== 2) return `${at}.weightSpecs: a logistic model has 2 weight tensors (kernel, bias), found ${specs.length}`;
  if (kind === 'mlp' && (specs.length < 4 || specs.length > 8 || specs.length % 2 !== 0)) {
    return `${at}.weightSpecs: an MLP has a kernel and a bias per layer, 2–4 layers, found ${specs.length} tensors`;
  }
  let inputs = d;
  let floats = 0;
  for (let i = 0; i < specs.length; i += 2) {
    const kernel = specs[i]!;
    const bias = specs[i + 1]!;
    const last = i + 2 === specs.length;
    const units = kernel.shape[1];
    if (kernel.shape.length !== 2 || kernel.shape[0] !== inputs || units === undefined || units < 1 || (last && units !== 1)) {
      return `${at}.weightSpecs[${i}] (kernel) has shape [${kernel.shape.join(', ')}], expected [${inputs}, ${last ? 1 : 'units'}]${i === 0 ? ` for ${d} inputs` : ''}`;
    }
    if (units > MAX_HIDDEN_UNITS) return `${at}.weightSpecs[${i}] (kernel): ${units} units is more than the ${MAX_HIDDEN_UNITS} allowed`;
    if (bias.shape.length !== 1 || bias.shape[0] !== units)
      return `${at}.weightSpecs[${i + 1}] (bias) has shape [${bias.shape.join(', ')}], expected [${units}]`;
    floats += inputs * units + units;
    inputs = units;
  }

  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(t.weightData);
  } catch (error) {
    return `${at}.weightData is not valid base64 (${(error as Error).message})`;
  }
  if (bytes.byteLength !== floats * 4) {
    return `${at}.weightData holds ${bytes.byteLength} bytes but the weight specs need ${floats * 4} (${floats} float32 values)`;
  }
  const values = littleEndianFloats(bytes);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return `${at}.weightData: weight ${bad + 1} is not a finite number`;
  return topologyProblem(t.modelTopology, specs, d, at);
}

/** The topology must describe the same stack as the weight specs. */
function topologyProblem(topology: unknown, specs: readonly WeightSpec[], d: number, at: string): string | null {
  const t = topology as { class_name?: unknown; config?: { layers?: unknown } };
  if (t.class_name !== 'Sequential') return `${at}.modelTopology: expected a Sequential model, found ${JSON.stringify(t.class_name) ?? 'nothing'}`;
  const layers = t.config?.layers;
  const expected = specs.length / 2;
  if (!Array.isArray(layers) || layers.length !== expected) {
    return `${at}.modelTopology: expected exactly ${expected === 1 ? 'one layer' : `${expected} layers`}, found ${Array.isArray(layers) ? layers.length : 'none'}`;
  }
  for (const [i, raw] of layers.entries()) {
    const layer = raw as { class_name?: unknown; config?: Record<string, unknown> } | null;
    const config = layer?.config ?? {};
    const last = i === layers.length - 1;
    const units = specs[2 * i]!.shape[1];
    const activation = last ? 'sigmoid' : 'relu';
    if (layer?.class_name !== 'Dense') return `${at}.modelTopology: layer ${i + 1} must be Dense, found ${JSON.stringify(layer?.class_name) ?? 'nothing'}`;
    if (config.units !== units)
      return `${at}.modelTopology: layer ${i + 1} must have ${units} unit${units === 1 ? '' : 's'} like its weights, found ${JSON.stringify(config.units)}`;
    if (config.activation !== activation)
      return `${at}.modelTopology: the activation of layer ${i + 1} must be ${activation}, found ${JSON.stringify(config.activation)}`;
    if (config.use_bias !== true) return `${at}.modelTopology: layer ${i + 1} must use a bias`;
    if (i === 0) {
      const shape = config.batch_input_shape;
      if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== null || shape[1] !== d) {
        return `${at}.modelTopology: input shape is ${JSON.stringify(shape)}, expected [null, ${d}]`;
      }
    }
  }
  return null;
}
