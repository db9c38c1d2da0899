import type { RawRow, Scorer } from './types';

/**
 * Keys that rank rows by a scorer's risk, on the log-odds scale (so two
 * scorers' keys compare as their probabilities do): the scorer's own when it
 * keeps finer ones (BG/NBD: customers whose probability rounds to 1 stay
 * ordered), else the log-odds of its probabilities.
 */
export function rankKeysOf(scorer: Scorer, rows: RawRow[], probabilities: ArrayLike<number>): Float64Array {
  if (scorer.rankKeys) return scorer.rankKeys(rows);
  return Float64Array.from({ length: rows.length }, (_, i) => {
    const p = probabilities[i]!;
    return Math.log(p) - Math.log1p(-p);
  });
}
