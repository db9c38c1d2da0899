import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes } from '../../../lib/model/base64';
import { ModelArtifactError, decodeLogisticWeights, parseModelArtifact } from '../../../lib/model/artifact';
import { createScorer } from '../../../lib/model/scorer';
import { trainModel } from '../../../lib/model/train';
import type { ModelArtifact } from '../../../lib/model/types';
import { syntheticChurn } from './synthetic';

let artifact: ModelArtifact;
const data = syntheticChurn({ rows: 500, seed: 11 });

beforeAll(async () => {
  ({ artifact } = await trainModel({
    rows: data.rows,
    columns: data.columns,
    label: 'churn',
    folds: 3,
    name: 'synthetic',
    trainedBy: 'vitest',
    source: 'synthetic',
    logistic: { epochs: 60 },
  }));
});

/** A deep copy with one change, as a hostile or damaged file would be. */
function damaged(change: (a: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(artifact)) as Record<string, any>;
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
    expect(artifact.tfjs.weightSpecs).toMatchObject([
      { shape: [weights.length, 1], dtype: 'float32' },
      { shape: [1], dtype: 'float32' },
    ]);
  });
});

describe('parseModelArtifact rejects damaged or hostile files with a message naming the problem', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['not JSON', () => '{"format": "churn-radar-model", ', /not JSON/],
    ['not an object', () => [1, 2, 3], /expected a JSON object/],
    ['another format', () => damaged((a) => (a.format = 'keras')), /format is "keras", expected "churn-radar-model"/],
    ['a future version', () => damaged((a) => (a.formatVersion = 2)), /Unsupported model file version 2/],
    ['an unknown kind', () => damaged((a) => (a.kind = 'forest')), /kind/],
    ['no preprocessor', () => damaged((a) => delete a.preprocessor), /preprocessor/],
    ['featureSource shorter than featureNames', () => damaged((a) => a.preprocessor.featureSource.pop()), /featureSource has \d+ entries but featureNames has \d+/],
    ['a renamed input', () => damaged((a) => (a.preprocessor.featureNames[0] = 'bogus')), /input 1 is "bogus"/],
    ['a baseline of the wrong length', () => damaged((a) => a.baseline.push(0)), /baseline has \d+ values but the model has \d+ inputs/],
    ['a non-positive scale', () => damaged((a) => (a.preprocessor.columns.find((c: any) => c.kind === 'numeric').scale = 0)), /scale/],
    ['truncated weight data', () => damaged((a) => (a.tfjs.weightData = a.tfjs.weightData.slice(0, 12))), /holds 9 bytes but the weight specs need \d+/],
    ['non-base64 weight data', () => damaged((a) => (a.tfjs.weightData = '!!!!' + a.tfjs.weightData)), /weightData: is not base64/],
    ['a kernel shape that does not match the inputs', () => damaged((a) => (a.tfjs.weightSpecs[0].shape = [3, 1])), /kernel\) has shape \[3, 1\], expected \[\d+, 1\]/],
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
    ['a two-layer topology', () => damaged((a) => a.tfjs.modelTopology.config.layers.push(a.tfjs.modelTopology.config.layers[0])), /exactly one layer, found 2/],
    ['a topology for another input size', () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.batch_input_shape = [null, 3])), /input shape is \[null,3\]/],
    ['a relu output', () => damaged((a) => (a.tfjs.modelTopology.config.layers[0].config.activation = 'relu')), /sigmoid/],
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
});
