/**
 * XGBoost JSON models — what `save_model("model.json")` writes in xgboost
 * ≥ 1.0, and xgboost4j-spark's `nativeBooster.saveModel("model.json")` and
 * dask-xgboost alike — read with a zod schema and turned into the product's
 * own trees (kind gbt), so the product's scorer and its Shapley
 * explanations serve them.
 *
 * Read: objective binary:logistic (also reg:logistic and binary:logitraw:
 * the same sigmoid of the same margin), booster gbtree (every tree summed;
 * num_parallel_tree > 1 too), numeric splits with their default (missing)
 * direction. Refused with the reason: other objectives, multi-class or
 * multi-target models, dart and gblinear boosters, categorical splits
 * (enable_categorical), UBJSON files.
 *
 * Exactness: XGBoost sends x left when x < split_condition, both float32.
 * The product sends x left when x ≤ threshold; for float32 x (inputs are
 * written to a Float32Array), x < t ⟺ x ≤ the float32 just below t, which is
 * the threshold stored. Leaf values are split_conditions of leaves.
 * base_score: learner_model_param.base_score is a probability for the
 * logistic objectives (1.x: the value set, default 0.5; 2.x: estimated from
 * the labels; 3.x writes it as "[p]"); the starting log-odds are logit(p).
 */
import { z } from 'zod';
import { gbtProblem, MAX_TREES } from '../gbt/validate';
import type { GbtModel, GbtTree } from '../gbt/types';

/** A problem with an engine's model file, for a manager to read. */
export class EngineImportError extends Error {
  override name = 'EngineImportError';
}

const XGBOOST_OBJECTIVES = ['binary:logistic', 'reg:logistic', 'binary:logitraw'] as const;

const int = z.number().int();
const param = z.union([z.string(), z.number()]);
const treeSchema = z.looseObject({
  left_children: z.array(int),
  right_children: z.array(int),
  split_indices: z.array(int),
  split_conditions: z.array(z.number()),
  default_left: z.array(z.union([z.literal(0), z.literal(1), z.boolean()])),
  sum_hessian: z.array(z.number()),
  split_type: z.array(int).optional(),
  tree_param: z.looseObject({ size_leaf_vector: param.optional() }).optional(),
});
type XgbTree = z.infer<typeof treeSchema>;

const xgboostSchema = z.looseObject({
  version: z.array(int).min(2).max(4),
  learner: z.looseObject({
    objective: z.looseObject({ name: z.string().max(100) }),
    learner_model_param: z.looseObject({ base_score: param, num_class: param.optional(), num_feature: param, num_target: param.optional() }),
    gradient_booster: z.looseObject({
      name: z.string().max(100),
      model: z
        .looseObject({
          gbtree_model_param: z.looseObject({ num_trees: param.optional() }).optional(),
          trees: z.array(z.unknown()).max(MAX_TREES),
        })
        .optional(),
    }),
    feature_names: z.array(z.string().max(2000)).optional(),
    feature_types: z.array(z.string().max(20)).optional(),
  }),
});

export interface XgboostModel {
  /** XGBoost's version that wrote the file, e.g. "1.7.4". */
  version: string;
  objective: (typeof XGBOOST_OBJECTIVES)[number];
  /** Model input count and names (empty when the file has none: Spark, numpy). */
  inputs: number;
  featureNames: string[];
  /** The trees on XGBoost's own input order; thresholds already as "≤" tests. */
  gbt: GbtModel;
}

/** Whether a parsed JSON value looks like an XGBoost model (to tell it from other model files). */
function isXgboostJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'learner' in value && 'version' in value;
}

const number = (value: string | number | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const text = String(value)
    .trim()
    .replace(/^\[(.*)\]$/, '$1');
  return text === '' ? Number.NaN : Number(text);
};

/** Reads an XGBoost JSON model (parsed); throws EngineImportError naming what cannot be used. */
export function readXgboost(json: unknown): XgboostModel {
  if (!isXgboostJson(json)) throw new EngineImportError('not an XGBoost JSON model: it has no "learner" and "version" (save it with save_model("model.json"))');
  const parsed = xgboostSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EngineImportError(`not a readable XGBoost JSON model: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { learner, version } = parsed.data;
  const objective = learner.objective.name;
  if (!(XGBOOST_OBJECTIVES as readonly string[]).includes(objective)) {
    throw new EngineImportError(
      `objective "${objective}" is not supported: Churn Radar imports binary classifiers (objective binary:logistic, reg:logistic or binary:logitraw)`,
    );
  }
  const classes = number(learner.learner_model_param.num_class, 0);
  if (classes > 1)
    throw new EngineImportError(`a multi-class model (num_class ${classes}) cannot score churn: train a binary classifier (objective binary:logistic)`);
  const targets = number(learner.learner_model_param.num_target, 1);
  if (targets > 1) throw new EngineImportError(`a model with ${targets} targets cannot be imported: train one binary target`);
  const booster = learner.gradient_booster.name;
  if (booster !== 'gbtree') throw new EngineImportError(`booster "${booster}" is not supported: train with booster "gbtree" (the default)`);
  const inputs = number(learner.learner_model_param.num_feature, Number.NaN);
  if (!Number.isInteger(inputs) || inputs < 1)
    throw new EngineImportError(`learner_model_param.num_feature is ${String(learner.learner_model_param.num_feature)}, expected a positive whole number`);
  const baseScore = number(learner.learner_model_param.base_score, Number.NaN);
  if (!(baseScore > 0 && baseScore < 1)) {
    throw new EngineImportError(`base_score ${String(learner.learner_model_param.base_score)} is not a probability strictly between 0 and 1`);
  }
  const rawTrees = learner.gradient_booster.model?.trees ?? [];
  if (rawTrees.length === 0) throw new EngineImportError('the model has no trees');
  const trees = rawTrees.map((raw, k) => {
    const tree = treeSchema.safeParse(raw);
    if (!tree.success) {
      const issue = tree.error.issues[0]!;
      throw new EngineImportError(`tree ${k}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return convertTree(tree.data, k, inputs);
  });
  const gbt: GbtModel = { base: Math.log(baseScore / (1 - baseScore)), trees };
  const problem = gbtProblem(gbt, inputs, 'trees');
  if (problem) throw new EngineImportError(problem);
  const featureNames = learner.feature_names ?? [];
  if (featureNames.length !== 0 && featureNames.length !== inputs) {
    throw new EngineImportError(`the model names ${featureNames.length} inputs but has ${inputs}`);
  }
  return { version: version.join('.'), objective: objective as XgboostModel['objective'], inputs, featureNames, gbt };
}

/** The float32 just below a float32 value (−0 and +0 go to the smallest negative). */
export function float32Below(t: number): number {
  const f = new Float32Array([t]);
  const bits = new Int32Array(f.buffer);
  if (f[0] === 0)
    bits[0] = -2147483647; // 0x80000001: −(smallest subnormal)
  else if (f[0]! > 0) bits[0]!--;
  else bits[0]!++;
  return f[0]!;
}

/** One XGBoost tree as a product tree: nodes renumbered breadth-first from the root (children after parents, unreachable nodes dropped). */
function convertTree(t: XgbTree, k: number, inputs: number): GbtTree {
  const m = t.left_children.length;
  const where = `tree ${k}`;
  for (const field of ['right_children', 'split_indices', 'split_conditions', 'default_left', 'sum_hessian'] as const) {
    if (t[field].length !== m) throw new EngineImportError(`${where}: ${field} has ${t[field].length} entries but the tree has ${m} nodes (a truncated file?)`);
  }
  if (t.split_type?.some((type) => type !== 0)) {
    throw new EngineImportError(
      `${where} has categorical splits (enable_categorical): one-hot encode the categories before training and describe them in the feature spec as "onehot"`,
    );
  }
  if (number(t.tree_param?.size_leaf_vector, 0) > 1) throw new EngineImportError(`${where} has vector leaves (a multi-target model): train one binary target`);
  const out: GbtTree = { feature: [], threshold: [], left: [], right: [], value: [], missingLeft: [], cover: [] };
  const order: number[] = [0];
  const seen = new Uint8Array(m);
  seen[0] = 1;
  for (let at = 0; at < order.length; at++) {
    const node = order[at]!;
    const left = t.left_children[node]!;
    const leaf = left === -1;
    if (leaf) {
      out.feature.push(-1);
      out.threshold.push(0);
      out.left.push(-1);
      out.right.push(-1);
      out.value.push(t.split_conditions[node]!);
    } else {
      const right = t.right_children[node]!;
      const feature = t.split_indices[node]!;
      for (const child of [left, right]) {
        if (!(child > 0 && child < m) || seen[child]) throw new EngineImportError(`${where}: node ${node} has an invalid child ${child}`);
        seen[child] = 1;
      }
      if (feature < 0 || feature >= inputs)
        throw new EngineImportError(`${where}: node ${node} splits on input ${feature}, but the model has ${inputs} inputs`);
      out.feature.push(feature);
      out.threshold.push(float32Below(t.split_conditions[node]!));
      out.left.push(order.length);
      out.right.push(order.length + 1);
      order.push(left, right);
      out.value.push(0);
    }
    out.missingLeft.push(t.default_left[node] === 1 || t.default_left[node] === true ? 1 : 0);
    out.cover.push(Math.max(0, t.sum_hessian[node]!));
  }
  return out;
}
