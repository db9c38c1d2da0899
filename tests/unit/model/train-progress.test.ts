import { describe, expect, it } from 'vitest';
import { createTrainProgress, type TrainPlan } from '@/lib/model/train-progress';
import type { TrainProgress } from '@/lib/model/train-types';

const PLAN: TrainPlan = { cv: 10, 'learning-curve': 6, final: 3, explain: 1 };

function tracked(plan = PLAN) {
  const seen: TrainProgress[] = [];
  const progress = createTrainProgress({ onProgress: (p) => seen.push(p) }, 5, plan);
  const fraction = () => {
    progress.report({ phase: 'final', fold: 0 });
    return seen.at(-1)!.fraction;
  };
  return { progress, fraction };
}

describe('createTrainProgress', () => {
  it('counts the plan of each completed stage, whatever the stage added', () => {
    const { progress, fraction } = tracked();
    progress.add(4);
    expect(fraction()).toBeCloseTo(4 / 20);
    progress.finishStage();
    expect(fraction()).toBeCloseTo(10 / 20);
    // A learning curve that skipped points adds less than its plan: finishing it still counts 6.
    progress.add(2);
    expect(fraction()).toBeCloseTo(12 / 20);
    progress.finishStage();
    expect(fraction()).toBeCloseTo(16 / 20);
    progress.finishStage();
    progress.finishStage();
    expect(fraction()).toBe(1);
  });

  it('never lets a stage count more than its plan', () => {
    const { progress, fraction } = tracked();
    progress.add(50);
    expect(fraction()).toBeCloseTo(10 / 20);
    progress.finishStage();
    expect(fraction()).toBeCloseTo(10 / 20);
  });

  it('never reports a smaller fraction than before', () => {
    const seen: number[] = [];
    const progress = createTrainProgress({ onProgress: (p) => seen.push(p.fraction) }, 5, PLAN);
    progress.report({ phase: 'cv', fold: 1, fraction: 0.4 });
    progress.report({ phase: 'cv', fold: 1 });
    expect(seen).toEqual([0.4, 0.4]);
  });
});
