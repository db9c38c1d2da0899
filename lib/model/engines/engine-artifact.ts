/**
 * What every imported engine model shares: its feature spec matched to the
 * model's inputs, the spec turned into preprocessor columns (one `mapped`
 * column per source, in the order sources first appear), and the model
 * file (format 3) around the converted model. The result goes through
 * parseModelArtifact like any file, so an import is all or nothing.
 */
import { sizeProblem } from '@/lib/files/limits';
import { jsonHostility, OBJECT_MAGIC_KEYS } from '@/lib/files/untrusted-json';
import { ENGINE_FORMAT_VERSION, ModelArtifactError, parseModelArtifact } from '../artifact';
import { sha256 } from '../hash';
import { featureLayout } from '../preprocess';
import type { FittedColumn, ModelArtifact } from '../types';
import { parseFeatureSpec, sourceKey, type FeatureSpec, type SpecInput } from './feature-spec';
import { EngineImportError } from './xgboost';

/** JSON text of an engine's file, refused when over the model size limit, not JSON or hostile. */
export function engineJson(text: string, what: string): unknown {
  const tooBig = sizeProblem('model', text.length);
  if (tooBig) throw new EngineImportError(`${what}: ${tooBig}`);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const hint = text.charCodeAt(0) === 0x7b || text.charCodeAt(0) === 0x5b ? ' (is the file cut short?)' : '';
    throw new EngineImportError(`${what} is not JSON${hint}: ${(error as Error).message}`);
  }
  const hostile = jsonHostility(value, OBJECT_MAGIC_KEYS);
  if (hostile) throw new EngineImportError(`${what}: ${hostile}`);
  return value;
}

/** The feature spec file, validated. */
export function readFeatureSpec(text: string): FeatureSpec {
  const parsed = parseFeatureSpec(engineJson(text, 'the feature spec'));
  if (!parsed.ok) throw new EngineImportError(`the feature spec: ${parsed.problem}`);
  return parsed.spec;
}

/**
 * The spec's inputs in the model's input order: by name when the model
 * names its inputs (every name must be in the spec), else in the spec's
 * order (the count must match).
 */
export function specInModelOrder(spec: FeatureSpec, inputs: number, modelNames: readonly string[]): SpecInput[] {
  if (spec.inputs.length !== inputs) {
    throw new EngineImportError(`the feature spec describes ${spec.inputs.length} inputs but the model has ${inputs}`);
  }
  if (modelNames.length === 0) return spec.inputs;
  const byName = new Map(spec.inputs.map((input) => [input.name, input]));
  return modelNames.map((name, i) => {
    const input = byName.get(name);
    if (!input) throw new EngineImportError(`model input ${i + 1} "${name}" is not in the feature spec`);
    return input;
  });
}

export interface EngineColumns {
  columns: FittedColumn[];
  /** permutation[model input] = the product's input index. */
  permutation: Int32Array;
}

/** One mapped column per source; `defaultFill` is the engine's value for a blank cell (null = missing). */
export function engineColumns(ordered: readonly SpecInput[], defaultFill: number | null): EngineColumns {
  const bySource = new Map<string, { index: number; input: SpecInput }[]>();
  ordered.forEach((input, index) => {
    const key = sourceKey(input.source);
    const list = bySource.get(key);
    if (list) list.push({ index, input });
    else bySource.set(key, [{ index, input }]);
  });
  const permutation = new Int32Array(ordered.length);
  const columns: FittedColumn[] = [];
  let at = 0;
  for (const [name, members] of bySource) {
    for (const { index } of members) permutation[index] = at++;
    columns.push({
      name,
      kind: 'mapped',
      inputs: members.map(({ input }) => ({ name: input.name, transform: input.transform, fill: input.missing === undefined ? defaultFill : input.missing })),
    });
  }
  return { columns, permutation };
}

/** Values given in the model's input order, put in the product's. */
export function permuted(values: ArrayLike<number>, permutation: Int32Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[permutation[i]!] = values[i]!;
  return out;
}

export interface EngineModel {
  kind: 'gbt' | 'layers';
  name: string;
  /** e.g. "XGBoost 1.7.4 (imported)". */
  trainedBy: string;
  source: string;
  columns: FittedColumn[];
  /** In the product's input order. */
  baseline: number[];
  body: Pick<ModelArtifact, 'gbt' | 'layers'>;
  createdAt: string;
}

/** The model file of an imported model, validated like any model file (throws ModelArtifactError otherwise). */
export function engineArtifact(m: EngineModel): ModelArtifact {
  const layout = featureLayout(m.columns);
  const content = { kind: m.kind, columns: m.columns, baseline: m.baseline, ...m.body };
  const artifact: ModelArtifact = {
    format: 'churn-radar-model',
    formatVersion: ENGINE_FORMAT_VERSION,
    id: sha256(JSON.stringify(content)),
    name: m.name,
    kind: m.kind,
    createdAt: m.createdAt,
    trainedBy: m.trainedBy,
    label: { column: 'churn', positive: '1' },
    preprocessor: { columns: m.columns, ...layout },
    baseline: m.baseline,
    ...m.body,
    // Trained elsewhere: no rows here, so no figures (rows 0 says "not evaluated here").
    metrics: {
      rows: 0,
      positives: 0,
      features: layout.featureNames.length,
      folds: 0,
      roc_auc: 0,
      roc_auc_sd: 0,
      pr_auc: 0,
      pr_auc_sd: 0,
      brier: 0,
      train_seconds: 0,
    },
    trainingData: { hash: '', rows: 0, source: m.source },
  };
  try {
    return parseModelArtifact(artifact);
  } catch (error) {
    if (error instanceof ModelArtifactError) throw new EngineImportError(error.message.replace(/^Invalid model file: /, 'the converted model is invalid: '));
    throw error;
  }
}
