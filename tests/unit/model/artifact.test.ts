import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes } from '@/lib/model/base64';
import { ModelArtifactError, decodeLogisticWeights, parseModelArtifact } from '@/lib/model/artifact';
import { createScorer } from '@/lib/model/scorer';
import { trainModel } from '@/lib/model/train';
import type { ModelArtifact } from '@/lib/model/types';
import { syntheticChurn } from './synthetic';

let artifact: ModelArtifact;
let mlp: ModelArtifact;
let ensemble: ModelArtifact;
const data = syntheticChurn({ rows: 500, seed: 11 });
const common = {
  rows: data.rows,
  columns: data.columns,
  label: 'churn',
  folds: 3,
  name: 'synthetic',
  trainedBy: 'vitest',
  source: 'synthetic',
  learningCurve: false,
} as const;

beforeAll(async () => {
  ({ artifact } = await trainModel({ ...common, model: 'logistic' }));
  ({ artifact: mlp } = await trainModel({ ...common, model: 'mlp', mlp: { epochs: 5 } }));
  ({ artifact: ensemble } = await trainModel({ ...common, model: 'ensemble', mlp: { epochs: 5 } }));
});

/** A format-1 model file written by the previous trainModel (git b64eb10), and what that version's scorer predicted. */
const v1Text = readFileSync(new URL('./fixtures/v1-logistic.json', import.meta.url), 'utf8');
const v1Expected = JSON.parse(readFileSync(new URL('./fixtures/v1-logistic.expected.json', import.meta.url), 'utf8')) as {
  probabilities: number[];
  firstRowReasons: { field: string; contribution: number }[];
};

/** A deep copy with one change, as a hostile or damaged file would be. */
function damaged(change: (a: Record<string, any>) => void, of: ModelArtifact = artifact): unknown {
  const copy = JSON.parse(JSON.stringify(of)) as Record<string, any>;
  change(copy);
  return copy;
}

describe('save / load round trip', () => {
  it('artifact → JSON text → parse → scorer gives identical predictions', async () => {
    const direct = await createScorer(artifact);
    const text = JSON.stringify(artifact);
    const reloaded = await createScorer(parseModelArtifact(JSON.parse(text)));
    const fromText = await createScorer(parseModelArtifact(text));
    const a = direct.predict(data.rows);
    expect(a).toHaveLength(data.rows.length);
    expect(Array.from(reloaded.predict(data.rows))).toEqual(Array.from(a));
    expect(Array.from(fromText.predict(data.rows))).toEqual(Array.from(a));
    for (const s of [direct, reloaded, fromText]) s.dispose();
  });

  it('parse keeps every field of a valid artifact', () => {
    expect(parseModelArtifact(JSON.parse(JSON.stringify(artifact)))).toEqual(artifact);
  });

  it('weights are stored as the little-endian float32 kernel then bias', () => {
    const { weights, bias } = decodeLogisticWeights(artifact);
    expect(weights).toHaveLength(artifact.preprocessor.featureNames.length);
    expect(Number.isFinite(bias)).toBe(true);
    expect(artifact.tfjs!.weightSpecs).toMatchObject([
      { name: 'logit/kernel', shape: [weights.length, 1], dtype: 'float32' },
      { name: 'logit/bias', shape: [1], dtype: 'float32' },
    ]);
  });

  it('writes format 2 with calibration and evaluation; an MLP as dense(32, relu) → dense(1, sigmoid); an ensemble as two members', async () => {
    const d = artifact.preprocessor.featureNames.length;
    expect(artifact).toMatchObject({ formatVersion: 2, kind: 'logistic', calibration: { method: 'platt' } });
    expect(artifact.evaluation!.oof.p).toHaveLength(500);
    expect(mlp.kind).toBe('mlp');
    expect(mlp.tfjs!.weightSpecs).toMatchObject([
      { name: 'hidden_1/kernel', shape: [d, 32] },
      { name: 'hidden_1/bias', shape: [32] },
      { name: 'logit/kernel', shape: [32, 1] },
      { name: 'logit/bias', shape: [1] },
    ]);
    expect(ensemble.kind).toBe('ensemble');
    expect(ensemble.tfjs).toBeUndefined();
    expect(ensemble.members!.map((m) => m.kind)).toEqual(['logistic', 'mlp']);
    for (const a of [mlp, ensemble]) {
      const direct = await createScorer(a);
      const reloaded = await createScorer(parseModelArtifact(JSON.stringify(a)));
      expect(Array.from(reloaded.predict(data.rows))).toEqual(Array.from(direct.predict(data.rows)));
      direct.dispose();
      reloaded.dispose();
    }
  });

  it('a stored MLP loads into stock tfjs (tf.io.fromMemory) and gives the same probabilities before calibration', async () => {
    const tf = await import('@tensorflow/tfjs-core');
    const tfl = await import('@tensorflow/tfjs-layers');
    const t = mlp.tfjs!;
    const bytes = base64ToBytes(t.weightData);
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({ modelTopology: t.modelTopology as never, weightSpecs: t.weightSpecs as never, weightData: bytes.buffer.slice(0) as ArrayBuffer }),
    );
    const { transform } = await import('@/lib/model/preprocess');
    const d = mlp.preprocessor.featureNames.length;
    const x = transform(mlp.preprocessor, data.rows.slice(0, 10));
    const p = (model.predict(tf.tensor2d(x, [10, d])) as import('@tensorflow/tfjs-core').Tensor).dataSync();
    const { forwardLogits, networkFromTfjs } = await import('@/lib/model/dense-network');
    const z = forwardLogits(networkFromTfjs(t), x, 10);
    for (let i = 0; i < 10; i++) expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-z[i]!)), 5);
    model.dispose();
  });
});

describe('format 1 (the models stored before format 2)', () => {
  it('reads a version-1 file and scores it exactly as the version-1 scorer did', async () => {
    const v1 = parseModelArtifact(v1Text);
    expect(v1).toMatchObject({ formatVersion: 1, kind: 'logistic' });
    expect(v1.calibration).toBeUndefined();
    const scorer = await createScorer(v1);
    const rows = syntheticChurn({ rows: 300, seed: 21 }).rows.slice(0, 8);
    const p = scorer.predict(rows);
    v1Expected.probabilities.forEach((expected, i) => expect(p[i]).toBeCloseTo(expected, 6));
    const reasons = scorer.explain(rows[0]!);
    expect(reasons.map((r) => r.field)).toEqual(v1Expected.firstRowReasons.map((r) => r.field));
    reasons.forEach((r, i) => expect(r.contribution).toBeCloseTo(v1Expected.firstRowReasons[i]!.contribution, 5));
    scorer.dispose();
  });

  it('refuses version-2 features in a version-1 file', () => {
    const v1 = JSON.parse(v1Text) as Record<string, any>;
    const cases: [(a: Record<string, any>) => void, RegExp][] = [
      [(a) => (a.kind = 'mlp'), /kind "mlp" needs format version 2/],
      [(a) => (a.calibration = { method: 'platt', a: 1, b: 0 }), /calibration needs format version 2/],
      [(a) => (a.preprocessor.columns.find((c: any) => c.kind === 'numeric').knots = [0.5]), /knots need format version 2/],
    ];
    for (const [change, message] of cases) {
      const copy = structuredClone(v1);
      change(copy);
      expect(() => parseModelArtifact(copy)).toThrow(message);
    }
  });
});

describe('parseModelArtifact rejects damaged or hostile files with a message naming the problem', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['not JSON', () => '{"format": "churn-radar-model", ', /not JSON/],
    ['not an object', () => [1, 2, 3], /expected a JSON object/],
    ['another format', () => damaged((a) => (a.format = 'keras')), /format is "keras", expected "churn-radar-model"/],
    [
      'a future version',
      () => damaged((a) => (a.formatVersion = 4)),
      /Unsupported model file version 4: this version of Churn Radar reads versions 1, 2 and 3/,
    ],
    ['no version', () => damaged((a) => delete a.formatVersion), /Unsupported model file version \(missing\)/],
    ['an unknown kind', () => damaged((a) => (a.kind = 'forest')), /kind/],
    ['no preprocessor', () => damaged((a) => delete a.preprocessor), /preprocessor/],
    [
      'featureSource shorter than featureNames',
      () => damaged((a) => a.preprocessor.featureSource.pop()),
      /featureSource has \d+ entries but featureNames has \d+/,
    ],
    ['a renamed input', () => damaged((a) => (a.preprocessor.featureNames[0] = 'bogus')), /input 1 is "bogus"/],
    ['a baseline of the wrong length', () => damaged((a) => a.baseline.push(0)), /baseline has \d+ values but the model has \d+ inputs/],
    ['a non-positive scale', () => damaged((a) => (a.preprocessor.columns.find((c: any) => c.kind === 'numeric').scale = 0)), /scale/],
    ['truncated weight data', () => damaged((a) => (a.tfjs.weightData = a.tfjs.weightData.slice(0, 12))), /holds 9 bytes but the weight specs need \d+/],
    ['non-base64 weight data', () => damaged((a) => (a.tfjs.weightData = `!!!!${a.tfjs.weightData}`)), /weightData: is not base64/],
    [
      'a kernel shape that does not match the inputs',
      () => damaged((a) => (a.tfjs.weightSpecs[0].shape = [3, 1])),
      /kernel\) has shape \[3, 1\], expected \[\d+, 1\]/,
    ],
    ['an extra weight tensor', () => damaged((a) => a.tfjs.weightSpecs.push({ name: 'x', shape: [1], dtype: 'float32' })), /2 weight tensors/],
    ['a non-float dtype', () => damaged((a) => (a.tfjs.weightSpecs[0].dtype = 'int32')), /dtype/],
    [
      'a NaN weight',
      () =>
        damaged((a) => {
          const bytes = base64ToBytes(a.tfjs.weightData);
          new DataView(bytes.buffer).setFloat32(0, Number.NaN, true);
          a.tfjs.weightData = bytesToBase64(bytes);
        }),
      /weight 1 is not a finite number/,
    ],
    ['a Keras layers model, which nothing scores yet', () => damaged((a) => (a.kind = 'layers')), /kind "layers"\) cannot be scored/],
    [
      'a two-layer topology',
      () => damaged((a) => a.tfjs.modelTopology.config.layers.push(a.tfjs.modelTopology.config.layers[0])),
      /exactly one layer, found 2/,
    ],
    [
      'a topology for another input size',
      () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.batch_input_shape = [null, 3])),
      /input shape is \[null,3\]/,
    ],
    [
      'a relu output',
      () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.activation = 'relu')),
      /activation of layer 1 must be sigmoid, found "relu"/,
    ],
    // format 2: kinds, networks, calibration, evaluation
    ['a logistic model without weights', () => damaged((a) => delete a.tfjs), /a logistic model needs tfjs/],
    ['a logistic model with members', () => damaged((a) => (a.members = ensemble.members)), /a logistic model has no members/],
    [
      'an MLP whose hidden layer does not match its topology',
      () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.units = 16), mlp),
      /layer 1 must have 32 units like its weights, found 16/,
    ],
    [
      'an MLP whose hidden layer says sigmoid',
      () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.activation = 'sigmoid'), mlp),
      /activation of layer 1 must be relu/,
    ],
    [
      'an MLP with a kernel that does not chain',
      () => damaged((a) => (a.tfjs.weightSpecs[2].shape = [31, 1]), mlp),
      /weightSpecs\[2\] \(kernel\) has shape \[31, 1\], expected \[32, 1\]/,
    ],
    [
      'an MLP with a hidden layer of 100,000 units',
      () =>
        damaged((a) => {
          a.tfjs.weightSpecs[0].shape[1] = 100000;
          a.tfjs.weightSpecs[1].shape = [100000];
          a.tfjs.weightSpecs[2].shape[0] = 100000;
        }, mlp),
      /100000 units is more than the 512 allowed/,
    ],
    [
      'an MLP with one layer only',
      () => damaged((a) => (a.tfjs.weightSpecs = a.tfjs.weightSpecs.slice(0, 2)), mlp),
      /an MLP has a kernel and a bias per layer, 2–4 layers, found 2 tensors/,
    ],
    ['an ensemble without members', () => damaged((a) => delete a.members, ensemble), /an ensemble model needs members/],
    [
      'an ensemble with a truncated member',
      () => damaged((a) => (a.members[1].tfjs.weightData = a.members[1].tfjs.weightData.slice(0, 40)), ensemble),
      /members\.1\.tfjs\.weightData holds 30 bytes/,
    ],
    ['a scorecard without rules', () => damaged((a) => (a.kind = 'scorecard')), /a scorecard model needs scorecard/],
    ['a negative Platt slope (it would reverse the ranking)', () => damaged((a) => (a.calibration = { method: 'platt', a: -1, b: 0 })), /calibration\.a/],
    [
      'an isotonic map that goes down',
      () => damaged((a) => (a.calibration = { method: 'isotonic', x: [0, 1, 2], y: [0.1, 0.5, 0.4] })),
      /isotonic y values must not decrease/,
    ],
    [
      'an isotonic map with x and y of different lengths',
      () => damaged((a) => (a.calibration = { method: 'isotonic', x: [0, 1, 2], y: [0.1, 0.5] })),
      /3 x values but 2 y values/,
    ],
    ['an unknown calibration method', () => damaged((a) => (a.calibration = { method: 'magic' })), /calibration/],
    [
      'knots that do not increase',
      () => damaged((a) => (a.preprocessor.columns.find((c: any) => c.knots).knots = [1, 0.5, 2, 3])),
      /knots of "\w+" must increase/,
    ],
    ['an evaluation with a probability above 1', () => damaged((a) => (a.evaluation.oof.p[0] = 1.5)), /evaluation\.oof\.p\.0/],
    [
      'an evaluation curve of 100,000 points',
      () => damaged((a) => (a.evaluation.roc = Array.from({ length: 100000 }, () => ({ threshold: 0.5, x: 0, y: 0 })))),
      /evaluation\.roc/,
    ],
    ['a string where a number belongs', () => damaged((a) => (a.metrics.roc_auc = '0.9')), /metrics\.roc_auc/],
    // hostile files
    [
      'a __proto__ key (prototype pollution)',
      () => JSON.parse(JSON.stringify(artifact).replace('"metrics":{', '"metrics":{"__proto__":{"polluted":true},')),
      /metrics\.__proto__: the key "__proto__" is not allowed/,
    ],
    [
      'a constructor key deep inside the topology',
      () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.constructor = { prototype: {} })),
      /modelTopology\.config\.layers\.0\.config\.constructor: the key "constructor" is not allowed/,
    ],
    [
      'nesting 200 levels deep',
      () =>
        damaged((a) => {
          let o: Record<string, unknown> = {};
          a.tfjs.modelTopology.extra = o;
          for (let i = 0; i < 200; i++) o = (o.x = {}) as Record<string, unknown>;
        }),
      /nested more than 64 levels deep/,
    ],
    [
      'more than 20 MB of text',
      () => JSON.stringify(artifact).replace('"name":"synthetic"', `"name":"${'x'.repeat(20_000_001)}"`),
      /too large: 20\.0 MB, more than the 20 MB this import reads/,
    ],
    [
      'more than 20 MB as an object',
      () => damaged((a) => (a.tfjs.modelTopology.padding = 'x'.repeat(20_000_001))),
      /too large: 20\.0 MB, more than the 20 MB this import reads/,
    ],
    [
      'more than 5,000 inputs',
      () => damaged((a) => (a.preprocessor.featureNames = Array.from({ length: 5001 }, (_, i) => `f${i}`))),
      /5001 model inputs is more than the 5000 allowed/,
    ],
    ['an infinite number in an object', () => damaged((a) => (a.baseline = a.baseline.map(() => Infinity))), /baseline/],
    ['a negative row count', () => damaged((a) => (a.trainingData.rows = -1)), /trainingData\.rows/],
  ];

  it.each(cases)('%s', (_, make, message) => {
    let error: unknown;
    try {
      parseModelArtifact(make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelArtifactError);
    expect((error as Error).message).toMatch(/^(Invalid model file|Unsupported model file)/);
    expect((error as Error).message).toMatch(message);
  });

  it('createScorer refuses a damaged artifact before tfjs sees it', async () => {
    const bad = damaged((a) => (a.tfjs.weightData = a.tfjs.weightData.slice(0, 8))) as ModelArtifact;
    await expect(createScorer(bad)).rejects.toThrow(ModelArtifactError);
  });

  it('changes nothing: the input object is left as it was, and no prototype is polluted', () => {
    const hostile = JSON.parse(JSON.stringify(artifact).replace('"metrics":{', '"metrics":{"__proto__":{"polluted":true},')) as Record<string, unknown>;
    const before = JSON.stringify(hostile);
    expect(() => parseModelArtifact(hostile)).toThrow(ModelArtifactError);
    expect(JSON.stringify(hostile)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const good = JSON.parse(JSON.stringify(artifact)) as ModelArtifact;
    const copy = structuredClone(good);
    parseModelArtifact(good);
    expect(good).toEqual(copy);
  });
});
