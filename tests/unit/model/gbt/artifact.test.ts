/** A trained gbt model as a file: round trip through JSON and the scorer, explanations, and rejection of corrupt trees. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelArtifactError, parseModelArtifact } from '@/lib/model/artifact';
import { baselineProbability, createScorer } from '@/lib/model/scorer';
import { trainModel, type TrainResult } from '@/lib/model/train';
import type { ModelArtifact } from '@/lib/model/types';
import { syntheticChurn } from '../synthetic';

let result: TrainResult;
const data = syntheticChurn({ rows: 400, seed: 7 });
beforeAll(async () => {
  result = await trainModel({
    rows: data.rows,
    columns: data.columns,
    label: 'churn',
    folds: 3,
    model: 'gbt',
    learningCurve: false,
    name: 'gbt test',
    trainedBy: 'test',
    source: 'synthetic',
    now: () => new Date(0),
  });
}, 30_000);

const copy = (a: ModelArtifact): ModelArtifact => JSON.parse(JSON.stringify(a)) as ModelArtifact;

describe('gbt artifacts', () => {
  it('trains a gbt model with trees, rounds from CV, calibration and evaluation', () => {
    const a = result.artifact;
    expect(a.kind).toBe('gbt');
    expect(a.tfjs).toBeUndefined();
    expect(a.gbt!.trees.length).toBe(a.training!.gbt!.finalRounds);
    expect(a.metrics.roc_auc).toBeGreaterThan(0.65);
    expect(a.evaluation!.importance[0]!.importance).toBeGreaterThan(0);
    expect(a.calibration?.method).toBe('platt');
  });

  it('scores the same after a JSON round trip, and explanations add up to the score against the baseline', async () => {
    const original = await createScorer(result.artifact);
    const loaded = await createScorer(parseModelArtifact(JSON.stringify(result.artifact)));
    const rows = data.rows.slice(0, 60).map(({ churn: _, ...row }) => row);
    expect(Array.from(loaded.predict(rows))).toEqual(Array.from(original.predict(rows)));
    const logit = (p: number) => Math.log(p / (1 - p));
    const base = logit(baselineProbability(result.artifact));
    for (const { probability, reasons } of loaded.scoreAndExplain(rows)) {
      const sum = reasons.reduce((s, r) => s + r.contribution, 0);
      expect(sum).toBeCloseTo(logit(probability) - base, 4);
    }
    // a column the page does not show is held at the baseline: no reason for it
    const partial = loaded.explain({ tenure: '3 months' });
    expect(partial.map((r) => r.field)).toEqual(['tenure']);
  });

  it('rejects corrupt or hostile trees with a clear message', () => {
    const bad: [string, (a: ModelArtifact) => void, RegExp][] = [
      ['child out of range', (a) => (a.gbt!.trees[0]!.left[0] = 10_000), /gbt\.trees\.0: node 0 has child 10000/],
      ['cycle', (a) => (a.gbt!.trees[0]!.right[0] = 0), /node 0 has child 0/],
      ['input out of range', (a) => (a.gbt!.trees[1]!.feature[0] = 9_999), /gbt\.trees\.1\.feature\[0\] is 9999/],
      ['not a number', (a) => ((a.gbt!.trees[0]!.value as unknown[])[1] = null), /gbt\.trees\.0\.value/],
      ['huge leaf', (a) => (a.gbt!.trees[0]!.value[1] = 1e9), /gbt\.trees\.0\.value/],
      ['no trees', (a) => (a.gbt!.trees = []), /gbt\.trees/],
      ['missing trees', (a) => delete a.gbt, /a gbt model needs gbt/],
      ['trees plus a network', (a) => (a.tfjs = { modelTopology: {}, weightSpecs: [], weightData: '' }), /a gbt model has no tfjs/],
      ['length mismatch', (a) => a.gbt!.trees[0]!.cover.pop(), /cover has/],
    ];
    for (const [what, corrupt, message] of bad) {
      const a = copy(result.artifact);
      corrupt(a);
      expect(() => parseModelArtifact(a), what).toThrow(ModelArtifactError);
      expect(() => parseModelArtifact(a), what).toThrow(message);
    }
  });

  it('is reproducible: the same data and seed give the same trees', async () => {
    const again = await trainModel({
      rows: data.rows,
      columns: data.columns,
      label: 'churn',
      folds: 3,
      model: 'gbt',
      learningCurve: false,
      name: 'gbt test',
      trainedBy: 'test',
      source: 'synthetic',
      now: () => new Date(0),
    });
    expect(JSON.stringify(again.artifact.gbt)).toBe(JSON.stringify(result.artifact.gbt));
    expect(again.artifact.id).toBe(result.artifact.id);
  }, 30_000);
});
