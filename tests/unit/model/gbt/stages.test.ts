/** Rounds and tree shape chosen by cross-validation from staged test-fold scores. */
import { describe, expect, it } from 'vitest';
import { STAGE } from '../../../../lib/model/gbt/boost';
import { chooseStage } from '../../../../lib/model/gbt/stages';

const shallow = { maxLeaves: 4, maxDepth: 2 };
const deep = { maxLeaves: 15, maxDepth: 5 };
const labels = [[0, 0, 1, 1]];

describe('chooseStage', () => {
  it('picks the shape and snapshot with the best mean fold ROC AUC', () => {
    const perFold = [
      [
        { shape: shallow, scores: [Float64Array.of(0, 1, 0.5, 2), Float64Array.of(0, 0.1, 0.5, 2)] },
        { shape: deep, scores: [Float64Array.of(1, 0, 0.5, 2)] },
      ],
    ];
    const c = chooseStage(perFold, labels);
    expect(c).toMatchObject({ shape: shallow, shapeIndex: 0, stage: 1, rounds: 2 * STAGE, rocAuc: 1 });
  });

  it('holds a fold that stopped early at its last snapshot, and prefers fewer rounds and the first shape on ties', () => {
    const perFold = [
      [{ shape: shallow, scores: [Float64Array.of(0, 0, 1, 1)] }, { shape: deep, scores: [Float64Array.of(0, 0, 1, 1)] }],
      [{ shape: shallow, scores: [Float64Array.of(1, 0, 0, 1), Float64Array.of(0, 0, 1, 1)] }, { shape: deep, scores: [Float64Array.of(0, 0, 1, 1)] }],
    ];
    const c = chooseStage(perFold, [labels[0]!, labels[0]!]);
    // fold 1 stopped after one snapshot and is held there; the first shape reaches 1 first in search order
    expect(c).toMatchObject({ shapeIndex: 0, stage: 1, rocAuc: 1 });
    const tie = chooseStage([[{ shape: shallow, scores: [Float64Array.of(0, 0, 1, 1)] }, { shape: deep, scores: [Float64Array.of(0, 0, 1, 1)] }]], labels);
    expect(tie).toMatchObject({ shapeIndex: 0, stage: 0 });
    expect(() => chooseStage([], [])).toThrow(RangeError);
  });
});
