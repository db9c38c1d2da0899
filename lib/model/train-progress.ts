/**
 * Progress, cancellation and yielding for one training run: a planned cost per
 * stage (the winner's later fits taken at their dearest, since the winner is
 * known only after cross-validation), work done = the plan of the stages
 * completed + what the current stage has added (never more than its plan), a
 * fraction that never goes back, and a `tick` that yields to the event loop
 * every ~30 ms of work so a worker sees a cancel.
 */
import type { FitHooks, Member } from './train-fit';
import { TrainError, type TrainOptions, type TrainProgress } from './train-types';

/** Relative cost of fitting each model, for progress fractions. */
export const COST = { logistic: 1, mlp: 6, gbt: 4 } as const;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ProgressUpdate = Omit<TrainProgress, 'fraction' | 'stage' | 'folds'> & { fraction?: number };

/** The stages of a run in order; a run's plan gives each its cost in COST units. */
const STAGES = ['cv', 'learning-curve', 'final', 'explain'] as const;
export type TrainPlan = Record<(typeof STAGES)[number], number>;

export function createTrainProgress(options: Pick<TrainOptions, 'onProgress' | 'signal'>, folds: number, plan: TrainPlan) {
  const totalUnits = STAGES.reduce((s, stage) => s + plan[stage], 0);
  let stageIndex = 0;
  let completed = 0;
  let inStage = 0;
  const done = () => completed + Math.min(inStage, plan[STAGES[stageIndex]!] ?? 0);
  let lastFraction = 0;
  let lastYield = performance.now();
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new TrainError('cancelled', 'Training was cancelled.');
  };
  const tick = async () => {
    checkCancelled();
    if (performance.now() - lastYield > 30) {
      await yieldToEventLoop();
      lastYield = performance.now();
      checkCancelled();
    }
  };
  const report = (p: ProgressUpdate) => {
    lastFraction = Math.max(lastFraction, Math.min(1, p.fraction ?? done() / totalUnits));
    options.onProgress?.({ stage: p.phase === 'prepare' || p.phase === 'cv' ? 'cv' : 'final', folds, ...p, fraction: lastFraction });
  };
  /** Epoch and round callbacks of one fit, reported inside the fit's share of the work. */
  const fitHooks = (phase: TrainProgress['phase'], fold: number): FitHooks => ({
    onEpoch: async (epoch: number, epochs: number) => {
      report({ phase, fold, model: 'mlp', epoch, epochs, fraction: (done() + (COST.mlp * epoch) / epochs) / totalUnits });
      await tick();
    },
    onRound: async (round: number, share: number) => {
      report({ phase, fold, model: 'gbt', round, fraction: (done() + COST.gbt * share) / totalUnits });
      await tick();
    },
  });
  return {
    checkCancelled,
    tick,
    report,
    fitHooks,
    /** Work finished in the current stage (in COST units). */
    add: (units: number) => {
      inStage += units;
    },
    /** The current stage is over: its whole plan counts as done, whatever it added. */
    finishStage: () => {
      completed += plan[STAGES[stageIndex]!] ?? 0;
      stageIndex++;
      inStage = 0;
    },
  };
}

export type TrainProgressTracker = ReturnType<typeof createTrainProgress>;

/** The cost of fitting these members once. */
export const costOf = (members: readonly Member[]) => members.reduce((s, m) => s + COST[m], 0);
