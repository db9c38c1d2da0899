/**
 * The shape of a model file, as zod schemas: every field typed, every number
 * finite, every list and string bounded. Cross-field facts (input counts,
 * weight shapes, version rules) are checked afterwards in artifact.ts.
 */
import { z } from 'zod';
import { FILE_LIMITS } from '@/lib/files/limits';
import { inputTransformSchema } from './engines/transform-schema';
import { layersSchema } from './engines/layers-schema';
import { MAX_TREE_NODES, MAX_TREES } from './gbt/validate';
import { trainingProfileSchema } from './profile-schema';

/** Most model inputs a file may declare (a real CRM export has tens to a few hundred). */
export const MAX_INPUTS = 5000;
/** Largest model file accepted, in characters of JSON text (the one limit of lib/files/limits.ts). */
const MAX_ARTIFACT_CHARS = FILE_LIMITS.model;
/** Widest hidden layer accepted. */
export const MAX_HIDDEN_UNITS = 512;

const finite = z.number();
const name = z.string().min(1).max(500);
const probability = z.number().min(0).max(1);

const fittedColumn = z.discriminatedUnion('kind', [
  z.object({
    name,
    kind: z.literal('numeric'),
    center: finite,
    scale: z.number().positive(),
    missingIndicator: z.boolean(),
    clip: z.number().positive().optional(),
    knots: z.array(finite).max(20).optional(),
  }),
  z.object({ name, kind: z.literal('binary'), fill: probability.optional() }),
  z.object({ name, kind: z.literal('categorical'), levels: z.array(z.string().max(1000)).max(1000) }),
  z.object({
    name,
    kind: z.literal('mapped'),
    inputs: z
      .array(z.object({ name: z.string().min(1).max(2000), transform: inputTransformSchema, fill: finite.nullable() }))
      .min(1)
      .max(MAX_INPUTS),
  }),
]);

const candidate = z.object({
  kind: z.enum(['logistic', 'mlp', 'gbt', 'ensemble']),
  roc_auc: finite,
  roc_auc_sd: finite,
  pr_auc: finite,
  pr_auc_sd: finite,
});

const calibrationBin = z.object({
  lo: probability,
  hi: probability,
  count: z.number().int().nonnegative(),
  meanPredicted: probability,
  observedRate: probability,
});

const metrics = z.object({
  rows: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  features: z.number().int().nonnegative(),
  folds: z.number().int().nonnegative(),
  roc_auc: finite,
  roc_auc_sd: finite,
  pr_auc: finite,
  pr_auc_sd: finite,
  brier: finite,
  train_seconds: z.number().nonnegative(),
  log_loss: finite.optional(),
  skipped_rows: z.number().int().nonnegative().optional(),
  reliability: z.array(calibrationBin).max(100).optional(),
  candidates: z.array(candidate).max(10).optional(),
});

const weightSpecSchema = z.object({
  name: z.string().max(500),
  shape: z.array(z.number().int().nonnegative()).max(8),
  dtype: z.literal('float32'),
});
export type WeightSpec = z.infer<typeof weightSpecSchema>;

const tfjs = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightSpecs: z.array(weightSpecSchema).max(16),
  weightData: z
    .string()
    .max(MAX_ARTIFACT_CHARS)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64 text'),
});

const ruleOp = z.enum(['>=', '>', '<=', '<', '==']);
export const scorecardSchema = z.object({
  name: z.string().max(500),
  intercept: finite.min(-20).max(20),
  rules: z
    .array(
      z.object({
        indicator: z
          .string()
          .min(1)
          .max(100)
          .regex(/^[a-z0-9_]+$/, 'must be an indicator id (lower-case letters, digits, _)'),
        condition: z.object({ op: ruleOp, value: finite }),
        weight: finite.min(-20).max(20),
      }),
    )
    .min(1)
    .max(200),
});

const positive = finite.positive();
const history = z.object({ x: finite.nonnegative(), tx: finite.nonnegative(), T: finite.nonnegative() });
/** Kind bgnbd: a BG/NBD model fitted on one site's customers (lib/model/btyd/bgnbd-scorer.ts). */
const bgnbdSchema = z.object({
  params: z.object({ r: positive, alpha: positive, a: positive, b: positive }),
  /** Days after now in which an order means "retained" (the site's churn horizon). */
  horizonDays: finite.positive().max(3650),
  /** Days since the first order assumed for a customer whose first order the site does not show. */
  imputedT: finite.nonnegative(),
  /** The site's median customer: the explanation baseline. */
  typical: history,
  /** Customers the parameters were fitted on. */
  customers: z.number().int().nonnegative(),
});
export type BgNbdSpec = z.infer<typeof bgnbdSchema>;

const calibration = z.discriminatedUnion('method', [
  z.object({ method: z.literal('platt'), a: z.number().positive().max(1000), b: finite.min(-1000).max(1000) }),
  z.object({ method: z.literal('isotonic'), x: z.array(finite).min(2).max(1000), y: z.array(probability).min(2).max(1000) }),
]);

const curvePoint = z.object({ threshold: finite, x: probability, y: probability });
const thresholdMetrics = z.object({
  threshold: probability,
  tp: z.number().int().nonnegative(),
  fp: z.number().int().nonnegative(),
  tn: z.number().int().nonnegative(),
  fn: z.number().int().nonnegative(),
  precision: probability,
  recall: probability,
  f1: probability,
  accuracy: probability,
});
const evaluation = z.object({
  roc: z.array(curvePoint).max(1000),
  pr: z.array(curvePoint).max(1000),
  atCutoff: thresholdMetrics,
  calibration: z.array(calibrationBin).max(100),
  lift: z
    .array(
      z.object({
        decile: z.number().int().min(1).max(10),
        count: z.number().int().nonnegative(),
        positives: z.number().int().nonnegative(),
        rate: probability,
        lift: z.number().nonnegative(),
        cumulativeGain: probability,
      }),
    )
    .max(10),
  tiers: z
    .array(
      z.object({
        tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
        lo: probability,
        hi: probability,
        count: z.number().int().nonnegative(),
        share: probability,
        positives: z.number().int().nonnegative(),
        churnRate: probability.nullable(),
      }),
    )
    .max(5),
  learningCurve: z.array(z.object({ fraction: probability, trainRows: z.number().int().nonnegative(), roc_auc: finite })).max(20),
  importance: z.array(z.object({ source: z.string().max(500), importance: z.number().nonnegative() })).max(MAX_INPUTS),
  oof: z.object({ p: z.array(probability).max(5000), y: z.array(z.union([z.literal(0), z.literal(1)])).max(5000) }),
});

const mlpSettings = z.object({
  hidden: z.array(z.number().int().min(1).max(MAX_HIDDEN_UNITS)).max(4),
  epochs: z.number().int().nonnegative(),
  finalEpochs: z.number().int().nonnegative().optional(),
  batchSize: z.number().int().nonnegative(),
  learningRate: z.number().nonnegative(),
  l2: z.number().nonnegative(),
  dropout: z.number().min(0).max(1),
  patience: z.number().int().nonnegative(),
  validationShare: z.number().min(0).max(1),
  epochRows: z.number().int().positive().optional(),
});

const gbtSettings = z.object({
  rounds: z.number().int().nonnegative(),
  finalRounds: z.number().int().nonnegative().optional(),
  learningRate: z.number().nonnegative(),
  maxLeaves: z.number().int().nonnegative(),
  maxDepth: z.number().int().nonnegative(),
  shapes: z
    .array(z.object({ maxLeaves: z.number().int().nonnegative(), maxDepth: z.number().int().nonnegative() }))
    .max(10)
    .optional(),
  minDataInLeaf: z.number().nonnegative(),
  minChildWeight: z.number().nonnegative(),
  l2: z.number().nonnegative(),
  rowSample: z.number().min(0).max(1),
  colSample: z.number().min(0).max(1),
  maxBins: z.number().int().nonnegative(),
  patience: z.number().int().nonnegative(),
  validationShare: z.number().min(0).max(1),
  goss: z.object({ top: z.number().min(0).max(1), other: z.number().min(0).max(1), minRows: z.number().int().nonnegative() }).optional(),
});

const nodeList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_TREE_NODES);
/** Types and finiteness only; indices, reachability and depth are checked in gbt/validate.ts. */
const gbt = z.object({
  base: finite.min(-1000).max(1000),
  trees: z
    .array(
      z.object({
        feature: nodeList(z.number().int()),
        threshold: nodeList(finite),
        left: nodeList(z.number().int()),
        right: nodeList(z.number().int()),
        value: nodeList(finite.min(-1000).max(1000)),
        missingLeft: nodeList(z.union([z.literal(0), z.literal(1)])),
        cover: nodeList(z.number().nonnegative()),
      }),
    )
    .min(1)
    .max(MAX_TREES),
});

export const artifactSchema = z.object({
  format: z.literal('churn-radar-model'),
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  kind: z.enum(['logistic', 'mlp', 'gbt', 'ensemble', 'scorecard', 'bgnbd', 'layers']),
  createdAt: z.string().max(100),
  trainedBy: z.string().max(500),
  label: z.object({ column: name, positive: z.string().max(500) }),
  preprocessor: z.object({
    columns: z.array(fittedColumn).min(1).max(MAX_INPUTS),
    featureNames: z.array(z.string().max(2000)).min(1).max(MAX_INPUTS),
    featureSource: z.array(z.string().max(500)).max(MAX_INPUTS),
  }),
  baseline: z.array(finite).max(MAX_INPUTS),
  tfjs: tfjs.optional(),
  gbt: gbt.optional(),
  members: z
    .array(z.object({ kind: z.enum(['logistic', 'mlp']), tfjs }))
    .min(2)
    .max(4)
    .optional(),
  scorecard: scorecardSchema.optional(),
  bgnbd: bgnbdSchema.optional(),
  layers: layersSchema.optional(),
  calibration: calibration.optional(),
  evaluation: evaluation.optional(),
  profile: trainingProfileSchema.optional(),
  parent: z.string().min(1).max(200).optional(),
  metrics,
  trainingData: z.object({ hash: z.string().max(200), rows: z.number().int().nonnegative(), source: z.string().max(2000) }),
  columnSpecs: z
    .array(z.object({ name: z.string().max(500), kind: z.enum(['numeric', 'binary', 'categorical', 'ignore']), note: z.string().max(2000).optional() }))
    .max(MAX_INPUTS)
    .optional(),
  training: z
    .object({
      seed: z.number().int(),
      folds: z.number().int().nonnegative(),
      epochs: z.number().int().nonnegative(),
      batchSize: z.number().int().nonnegative(),
      learningRate: z.number().nonnegative(),
      l2: z.number().nonnegative(),
      classWeights: z.enum(['balanced', 'none']).optional(),
      mlp: mlpSettings.optional(),
      gbt: gbtSettings.optional(),
      calibration: z.enum(['platt', 'isotonic', 'none']).optional(),
    })
    .optional(),
});
