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

/**
 * Where the trees read each input's bin code: row-major codes `width` wide,
 * input j in column `column[j]` (−1: an input trees never use, not stored).
 * Exclusive feature bundling (LightGBM's EFB, for one-hot groups): the
 * one-hot inputs of one categorical column are never 1 together, so they
 * share one code column holding 1 + the active level's position in the
 * bundle (0: none). Input j of a bundle has `level[j]` = that code and its
 * own bin code is 2 (value 1) when the column holds it, else 1 (value 0);
 * `level[j]` = −1 for an input stored as its own bin code. A histogram pass
 * then reads one code per bundle instead of one per level (Telco's and
 * bank exports' category columns are most of their tree inputs).
 */
export interface CodeLayout {
  width: number;
  column: Int32Array;
  level: Int32Array;
  /** Per bundle: its code column and its inputs in level order. */
  bundles: { column: number; inputs: Int32Array }[];
}

/**
 * The layout for the tree inputs `inputs` of a row-major n × d matrix, with
 * the candidate `bundles` (groups of one-hot inputs) kept only where the
 * rows prove them exclusive (every value 0 or 1, at most one 1 per row) and
 * each member has the two value bins of a 0/1 input (a level absent from
 * the rows stays out) — anything else stays
 * an input of its own, so bundling never changes a tree.
 */
export function codeLayout(
  bins: Bins,
  x: ArrayLike<number>,
  n: number,
  d: number,
  inputs: readonly number[],
  bundles: readonly (readonly number[])[] = [],
): CodeLayout {
  const used = new Set(inputs);
  const column = new Int32Array(d).fill(-1);
  const level = new Int32Array(d).fill(-1);
  const kept: number[][] = [];
  for (const group of bundles) {
    const members = group.filter((j) => used.has(j) && column[j] === -1 && bins.cuts[j]!.length === 1);
    if (members.length < 2 || members.length > 254 || !exclusive(x, n, d, members)) continue;
    kept.push(members);
    for (const j of members) column[j] = -2; // claimed
  }
  let width = 0;
  for (const j of [...used].sort((a, b) => a - b)) if (column[j] === -1) column[j] = width++;
  const out: CodeLayout['bundles'] = [];
  for (const members of kept) {
    members.forEach((j, k) => {
      column[j] = width;
      level[j] = k + 1;
    });
    out.push({ column: width++, inputs: Int32Array.from(members) });
  }
  return { width, column, level, bundles: out };
}

function exclusive(x: ArrayLike<number>, n: number, d: number, members: readonly number[]): boolean {
  for (let i = 0; i < n; i++) {
    let ones = 0;
    for (const j of members) {
      const v = x[i * d + j]!;
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones > 1) return false;
  }
  return true;
}

/** Row-major codes of the n rows of x in `layout` (bundled one-hots as their level code, 0 when none is set). */
export function layoutCodes(bins: Bins, layout: CodeLayout, x: ArrayLike<number>, n: number, d: number): Uint8Array {
  const { width, column, level } = layout;
  const out = new Uint8Array(n * width);
  for (let j = 0; j < d; j++) {
    const c = column[j]!;
    if (c < 0) continue;
    const cuts = bins.cuts[j]!;
    const L = level[j]!;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j]!;
      if (L > 0) {
        if (v === 1) out[i * width + c] = L;
      } else out[i * width + c] = cuts.length === 0 ? (v === v ? 1 : 0) : binOf(cuts, v);
    }
  }
  return out;
}
