/**
 * A model's training profile (issue 16): how each input and the score were
 * distributed over the rows it was trained on, as bins with shares, stored
 * with the model so drift (lib/monitoring/drift.ts) can compare recent
 * customers with what the model learned from, without keeping the rows.
 *
 * Bins per input, read with the preprocessor's own cell readers (so "$29.85"
 * on a CRM page and "29.85" in a CSV land in the same bin):
 * - numeric: edges at the training deciles (duplicates dropped, so a count
 *   with few values gets fewer bins); bin k holds edges[k−1] < x ≤ edges[k],
 *   the last bin everything above; plus a "missing" bin.
 * - binary: no, yes, missing.
 * - categorical: the preprocessor's levels, then "other", then "missing".
 * - mapped (imported engines): not profiled (their inputs are read by
 *   transform specs this module does not repeat).
 * The score: ten equal-frequency bins of the out-of-fold probabilities.
 */
import { binaryValue, categoryValue, MISSING_LEVEL, numericValue } from './preprocess';
import { encodeColumns, type EncodedTable } from './encoded';
import type { ColumnSpec, FittedColumn, RawRow } from './types';
import type { InputProfile, TrainingProfile } from './profile-schema';

const DECILES = 10;

/** Distinct cut points at the 1/bins … (bins−1)/bins quantiles of the sorted values (upper-inclusive bins). */
export function quantileEdges(sorted: ArrayLike<number>, bins = DECILES): number[] {
  if (!sorted.length) return [];
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / bins) - 1)]!;
    if (value < sorted[sorted.length - 1]! && edges[edges.length - 1] !== value) edges.push(value);
  }
  return edges;
}

/** The bin of x among upper-inclusive edges: 0 when x ≤ edges[0], edges.length when above the last. */
export function binOf(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The bin a cell falls in under an input's profile (the last bin is "missing"). */
export function inputBin(profile: InputProfile, value: RawRow[string]): number {
  if (profile.kind === 'numeric') {
    const x = numericValue(value);
    return x === null ? profile.edges.length + 1 : binOf(profile.edges, x);
  }
  if (profile.kind === 'binary') {
    const b = binaryValue(value);
    return b === null ? 2 : b;
  }
  const level = categoryValue(value);
  if (level === MISSING_LEVEL) return profile.levels.length + 1;
  const at = profile.levels.indexOf(level);
  return at >= 0 ? at : profile.levels.length;
}

/** Shares of counts (all zero for no values). */
export function sharesOf(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total ? c / total : 0));
}

/** Counts of each bin over rows (bins: the profile's share count). */
export function inputCounts(profile: InputProfile, rows: readonly RawRow[]): number[] {
  const counts = new Array<number>(profile.shares.length).fill(0);
  for (const row of rows) counts[inputBin(profile, row[profile.source])]!++;
  return counts;
}

/** Counts of each score bin. */
export function scoreCounts(edges: readonly number[], probabilities: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < probabilities.length; i++) counts[binOf(edges, probabilities[i]!)]!++;
  return counts;
}

function emptyProfile(column: FittedColumn): InputProfile | null {
  switch (column.kind) {
    case 'numeric':
      return { source: column.name, kind: 'numeric', edges: [], shares: [] };
    case 'binary':
      return { source: column.name, kind: 'binary', shares: [0, 0, 0] };
    case 'categorical':
      return { source: column.name, kind: 'categorical', levels: column.levels.filter((l) => l !== MISSING_LEVEL), shares: [] };
    default:
      return null;
  }
}

/** The profile of the training rows (inputs as the fitted columns read them) and of the out-of-fold probabilities. */
export function trainingProfile(rows: readonly RawRow[], columns: readonly FittedColumn[], oofProbabilities: ArrayLike<number>): TrainingProfile {
  const specs: ColumnSpec[] = columns.flatMap((c) => (c.kind === 'mapped' ? [] : [{ name: c.name, kind: c.kind }]));
  return encodedProfile(encodeColumns(rows, specs), columns, oofProbabilities);
}

/** trainingProfile from the training set's columns read once (lib/model/encoded.ts): no cell is parsed again. */
export function encodedProfile(table: EncodedTable, columns: readonly FittedColumn[], oofProbabilities: ArrayLike<number>): TrainingProfile {
  const inputs: InputProfile[] = [];
  for (const column of columns) {
    const profile = emptyProfile(column);
    const values = table.columns.get(column.name);
    if (!profile || !values) continue;
    let counts: number[];
    if (profile.kind === 'numeric' && values.kind === 'numeric') {
      const sorted = values.values.filter((v) => !Number.isNaN(v)).sort();
      profile.edges = quantileEdges(sorted);
      const missing = profile.edges.length + 1;
      counts = new Array<number>(missing + 1).fill(0);
      for (const v of values.values) counts[Number.isNaN(v) ? missing : binOf(profile.edges, v)]!++;
    } else if (profile.kind === 'binary' && values.kind === 'binary') {
      counts = [0, 0, 0];
      for (const v of values.values) counts[v < 0 ? 2 : v]!++;
    } else if (profile.kind === 'categorical' && values.kind === 'categorical') {
      const { levels } = profile;
      const binOfCode = values.levels.map((level) =>
        level === MISSING_LEVEL ? levels.length + 1 : levels.includes(level) ? levels.indexOf(level) : levels.length,
      );
      counts = new Array<number>(levels.length + 2).fill(0);
      for (const code of values.codes) counts[binOfCode[code]!]!++;
    } else throw new Error(`column "${column.name}" is ${column.kind} in the model but ${values.kind} in the table`);
    profile.shares = sharesOf(counts);
    inputs.push(profile);
  }
  const sortedScores = Array.from(oofProbabilities).sort((a, b) => a - b);
  const edges = quantileEdges(sortedScores);
  return { rows: table.rows, score: { edges, shares: sharesOf(scoreCounts(edges, oofProbabilities)) }, inputs };
}
