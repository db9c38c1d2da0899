/**
 * Histogram binning (as LightGBM): each input's values are cut into at most
 * `maxBins` bins at quantiles of the rows it is fitted on — the caller passes
 * a training split only, so no held-out value shapes a bin. Bin 0 holds
 * missing values (NaN); bins 1…k hold values in (t[b−2], t[b−1]], so a
 * split "bin ≤ b" is the raw test "value ≤ t[b−1]". Cut points are midpoints
 * between neighbouring distinct training values, so a value never seen in
 * training falls on the side it is nearer to.
 */

const MAX_BINS = 255;

export interface Bins {
  /** Per input, ascending cut points (k − 1 of them for k value bins). */
  cuts: Float64Array[];
}

/**
 * Cut points per input from the rows `rows` of the row-major n × d matrix x.
 * With `inputs`, only those inputs are cut (the others get no cut point: one
 * value bin, never split on), so inputs the trees may not use cost no sort.
 */
export function fitBins(x: ArrayLike<number>, d: number, rows: ArrayLike<number>, maxBins = MAX_BINS, inputs?: readonly number[]): Bins {
  if (maxBins < 2 || maxBins > MAX_BINS) throw new RangeError(`maxBins must be 2…${MAX_BINS} (got ${maxBins})`);
  const cuts: Float64Array[] = [];
  const values = new Float64Array(rows.length);
  const used = inputs ? new Set(inputs) : null;
  for (let j = 0; j < d; j++) {
    if (used && !used.has(j)) {
      cuts.push(new Float64Array(0));
      continue;
    }
    let m = 0;
    for (let r = 0; r < rows.length; r++) {
      const v = x[rows[r]! * d + j]!;
      if (v === v) values[m++] = v;
    }
    cuts.push(quantileCuts(values.subarray(0, m).sort(), maxBins));
  }
  return { cuts };
}

/** Cut points of sorted finite values: between every distinct value when few, else at ~equal-count boundaries. */
export function quantileCuts(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]!);
      counts.push(1);
    } else counts[counts.length - 1]!++;
  }
  const out: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 1; i < distinct.length; i++) out.push((distinct[i - 1]! + distinct[i]!) / 2);
    return Float64Array.from(out);
  }
  const perBin = sorted.length / maxBins;
  let inBin = 0;
  for (let i = 0; i < distinct.length - 1 && out.length < maxBins - 1; i++) {
    inBin += counts[i]!;
    // Close the bin once it holds its share (a value heavier than a share gets a bin of its own).
    if (inBin >= perBin || counts[i + 1]! >= perBin) {
      out.push((distinct[i]! + distinct[i + 1]!) / 2);
      inBin = 0;
    }
  }
  return Float64Array.from(out);
}

/** Bin of one value: 0 for missing, else 1 + the number of cut points below it. */
export function binOf(cuts: Float64Array, v: number): number {
  if (v !== v) return 0;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/** Row-major bin codes (input j of row i at i·d + j) of the n rows of x. */
export function binMatrix(bins: Bins, x: ArrayLike<number>, n: number, d: number): Uint8Array {
  const out = new Uint8Array(n * d);
  for (let j = 0; j < d; j++) {
    const cuts = bins.cuts[j]!;
    if (cuts.length === 0) {
      for (let i = 0; i < n; i++) out[i * d + j] = x[i * d + j]! === x[i * d + j]! ? 1 : 0;
      continue;
    }
    for (let i = 0; i < n; i++) out[i * d + j] = binOf(cuts, x[i * d + j]!);
  }
  return out;
}
