/** One bar of the score distribution: probabilities in [from, to) (the last bar includes 1). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Counts of probabilities in `bins` equal-width bins over [0, 1]; values outside are clamped in. */
export function probabilityHistogram(probabilities: readonly number[], bins = 50): HistogramBin[] {
  const size = Math.max(1, Math.floor(bins));
  const counts = new Array<number>(size).fill(0);
  for (const p of probabilities) {
    if (!Number.isFinite(p)) continue;
    const index = Math.min(size - 1, Math.max(0, Math.floor(p * size)));
    counts[index]!++;
  }
  return counts.map((count, i) => ({ from: i / size, to: (i + 1) / size, count }));
}
