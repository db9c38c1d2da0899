/**
 * The final fit's tree shape and rounds from the CV folds' own early
 * stopping: each fold chose a shape and a round count on a validation split
 * nested inside its training rows (its test rows never steer it, so the
 * out-of-fold scores are honest); the final fit takes the shape most folds
 * chose (ties: the one listed first, the simpler) and the median of the
 * rounds those folds kept.
 */
import type { GbtShape } from './types';

export interface FoldTrees {
  shape: GbtShape;
  rounds: number;
}

const sameShape = (a: GbtShape, b: GbtShape) => a.maxLeaves === b.maxLeaves && a.maxDepth === b.maxDepth;

export function chooseFinalTrees(perFold: readonly FoldTrees[], shapes: readonly GbtShape[]): FoldTrees {
  if (perFold.length === 0) throw new RangeError('at least one fold is needed');
  const listed = shapes.length > 0 ? shapes : [perFold[0]!.shape];
  let best: { shape: GbtShape; votes: number } | null = null;
  for (const shape of [...listed, ...perFold.map((f) => f.shape)]) {
    const votes = perFold.filter((f) => sameShape(f.shape, shape)).length;
    if (best === null || votes > best.votes) best = { shape, votes };
  }
  const rounds = perFold
    .filter((f) => sameShape(f.shape, best!.shape))
    .map((f) => f.rounds)
    .sort((a, b) => a - b);
  const m = rounds.length >> 1;
  return { shape: best!.shape, rounds: rounds.length % 2 ? rounds[m]! : Math.round((rounds[m - 1]! + rounds[m]!) / 2) };
}
