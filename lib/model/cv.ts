/**
 * Stratified k-fold cross-validation: each fold's test part keeps the class
 * ratio of the whole set, and every row is in exactly one test part.
 */
import { mulberry32, shuffleInPlace } from './prng';

export interface Fold {
  /** Row indices to fit on, ascending. */
  train: number[];
  /** Row indices to evaluate on, ascending. */
  test: number[];
}

/**
 * Rows of each class are shuffled with the seed and dealt round-robin into
 * the k folds; the deal continues across classes, so fold sizes differ by at
 * most one. Throws when k < 2, or when a class has fewer than k rows (some
 * fold would have no row of that class to test on).
 */
export function stratifiedKFold(labels: ArrayLike<number | boolean>, k: number, seed: number): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer ≥ 2 (got ${k})`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = Number(labels[i]);
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(i);
  }
  for (const [c, rows] of byClass) {
    if (rows.length < k) {
      throw new RangeError(`cannot make ${k} stratified folds: class ${c} has only ${rows.length} row(s)`);
    }
  }
  const random = mulberry32(seed);
  const foldOf = new Int32Array(labels.length);
  let next = 0;
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const i of shuffleInPlace(byClass.get(c)!, random)) {
      foldOf[i] = next;
      next = (next + 1) % k;
    }
  }
  const folds: Fold[] = Array.from({ length: k }, () => ({ train: [], test: [] }));
  for (let i = 0; i < labels.length; i++) {
    const f = foldOf[i]!;
    for (let j = 0; j < k; j++) (j === f ? folds[j]!.test : folds[j]!.train).push(i);
  }
  return folds;
}
