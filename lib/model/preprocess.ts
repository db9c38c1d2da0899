/**
 * Features: raw text rows → the model's numeric inputs.
 *
 * `fitPreprocessor` learns every statistic from the rows it is given — the
 * caller passes the training split only, so nothing about evaluation rows
 * leaks into scaling. `transform` then applies the fitted preprocessor to any
 * rows (CSV cells such as "29.85" or CRM page text such as "$29.85",
 * "34 months", "Yes", "是").
 *
 * Per column kind:
 * - numeric: robust scaling (x − median) / IQR; when the IQR is 0 the
 *   standard deviation, and when that is 0 too, 1. Scaled values are clipped
 *   to ±clip (10) so one absurd value cannot dominate a score. Missing (or
 *   unreadable) values are imputed to the median, i.e. 0 after centering,
 *   and — when the training rows had any missing value — a missing-indicator
 *   input "name=(missing)" is 1.
 *   Spline knots (format 2): a numeric column also gets one input
 *   max(0, z − kⱼ) per knot kⱼ: its training 20/40/60/80 % quantiles when it
 *   has at least MIN_SPLINE_VALUES distinct values, else (3–9 values, e.g. a
 *   product count) every interior value (distinct, strictly inside the
 *   range). With them a linear model fits a piecewise-linear effect (tenure:
 *   steep in the first months, flat after; churn lowest at 2 products,
 *   highest at 4), and the network starts from the same bends. Generic, not
 *   tuned to a file: four interior knots at quintiles is the usual default
 *   of regression splines.
 * - binary: yes → 1, no → 0; missing → the training share of "yes" (`fill`).
 *   That share is also the column's baseline (its training mean), so a
 *   missing answer contributes exactly nothing to an explanation, rather
 *   than a made-up half-yes.
 * - categorical: one-hot of the levels seen at least `minLevelCount` times in
 *   training (most frequent first, at most `maxLevels`); unseen and rare
 *   levels are "other" (all zeros). A missing value is the level
 *   "(missing)", kept like any other level when frequent enough.
 */
import { isMissing } from '../parse/missing';
import { parseNumber } from '../parse/number';
import { parseYesNo } from '../parse/yes-no';
import { mappedWriter } from './engines/mapped-column';
import type { ColumnSpec, FittedColumn, Preprocessor, RawRow } from './types';

const DEFAULT_CLIP = 10;
/** A binary column's fill when no training row answered it. */
export const DEFAULT_BINARY_FILL = 0.5;
/** The category level that stands for a missing value, and the suffix of missing-indicator inputs. */
export const MISSING_LEVEL = '(missing)';

export interface PreprocessOptions {
  /** Minimum training count for a category level to get its own input (default max(2, 0.5 % of rows)). */
  minLevelCount?: number;
  /** At most this many one-hot inputs per categorical column (default 50). */
  maxLevels?: number;
  /** Clip scaled numeric values to ±clip (default 10). */
  clip?: number;
  /** Interior spline knots per numeric column, at equally spaced quantiles (default 4; 0 = none). */
  splineKnots?: number;
}

const DEFAULT_SPLINE_KNOTS = 4;
/** A numeric column needs this many distinct training values to get spline knots. */
const MIN_SPLINE_VALUES = 10;

/** CSV cells are written by programs: a lone "." is a decimal point ("1.234" = 1.234), as in column inference. */
const FILE_NUMBERS = { source: 'file' } as const;

/** A cell as a number, or null when missing or unreadable. */
export function numericValue(value: RawRow[string]): number | null {
  const r = parseNumber(value, FILE_NUMBERS);
  return r.ok ? r.value : null;
}

/**
 * Plain decimals as a program writes them ("29.85", "-3", "1889.5") read
 * directly; anything else (currency, units, grouping, blanks) through the
 * memoised parser. Same value either way: parseNumber with source 'file'
 * reads these exactly as Number() does. Most numeric cells of a CSV or a
 * CRM list are unique per customer (totals), where a memo only churns.
 */
function fastNumeric(slow: (value: RawRow[string]) => number | null): (value: RawRow[string]) => number | null {
  return (value) => {
    if (typeof value === 'string' && isPlainDecimal(value)) return Number(value);
    return slow(value);
  };
}

/** -?(0|[1-9][0-9]*)(\.[0-9]+)? with at most 15 digits (exact in a double). */
export function isPlainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const start = i;
  if (i >= n) return false;
  const first = text.charCodeAt(i);
  if (first === 48)
    i++; // a lone leading 0
  else {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
  }
  if (i === start) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46) return false; // '.'
  i++;
  const fraction = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    i++;
  }
  return i > fraction;
}

/** numericValue with plain decimals read directly and the rest memoised: one reader per column. */
export const numberReader = (): ((value: RawRow[string]) => number | null) => fastNumeric(memoize(numericValue));

/** binaryValue memoised: one reader per column. */
export const yesNoReader = (): ((value: RawRow[string]) => 0 | 1 | null) => memoize(binaryValue);

/** A cell as 1 (yes) / 0 (no), or null when missing or not a yes/no answer. */
export function binaryValue(value: RawRow[string]): 0 | 1 | null {
  const r = parseYesNo(value);
  return r.ok ? (r.value ? 1 : 0) : null;
}

/**
 * Memoises a pure cell parser per text (columns repeat the same few values;
 * parsing normalises Unicode, which dominates preprocessing time otherwise).
 * Bounded: the memo is dropped when it grows past `limit` entries.
 */
function memoize<T>(parse: (value: RawRow[string]) => T, limit = 50_000): (value: RawRow[string]) => T {
  let memo = new Map<string, T>();
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    const hit = memo.get(value);
    if (hit !== undefined || memo.has(value)) return hit as T;
    const result = parse(value);
    if (memo.size >= limit) memo = new Map();
    memo.set(value, result);
    return result;
  };
}

/** A cell as a category level: the trimmed text, or "(missing)". */
export function categoryValue(value: RawRow[string]): string {
  if (isMissing(value)) return MISSING_LEVEL;
  return typeof value === 'number' ? String(value) : String(value).trim();
}

export function fitPreprocessor(rows: readonly RawRow[], specs: readonly ColumnSpec[], options: PreprocessOptions = {}): Preprocessor {
  const settings = preprocessSettings(rows.length, options);
  const columns: FittedColumn[] = [];
  for (const spec of specs) {
    if (spec.kind === 'numeric') {
      const read = numberReader();
      const values: number[] = [];
      for (const row of rows) {
        const v = read(row[spec.name]);
        if (v !== null) values.push(v);
      }
      columns.push(fitNumericColumn(spec.name, values, rows.length, settings));
    } else if (spec.kind === 'binary') {
      const read = yesNoReader();
      let yes = 0;
      let seen = 0;
      for (const row of rows) {
        const v = read(row[spec.name]);
        if (v === null) continue;
        seen++;
        yes += v;
      }
      columns.push(fitBinaryColumn(spec.name, yes, seen));
    } else if (spec.kind === 'categorical') {
      const read = memoize(categoryValue);
      const counts = new Map<string, number>();
      for (const row of rows) {
        const level = read(row[spec.name]);
        counts.set(level, (counts.get(level) ?? 0) + 1);
      }
      columns.push(fitCategoricalColumn(spec.name, counts, settings));
    }
  }
  return { columns, ...featureLayout(columns) };
}

/** The options with their defaults for a fit on `rows` rows. */
export function preprocessSettings(rows: number, options: PreprocessOptions) {
  return {
    clip: options.clip ?? DEFAULT_CLIP,
    minLevelCount: options.minLevelCount ?? Math.max(2, Math.ceil(0.005 * rows)),
    maxLevels: options.maxLevels ?? 50,
    splineKnots: options.splineKnots ?? DEFAULT_SPLINE_KNOTS,
  };
}

type PreprocessSettings = ReturnType<typeof preprocessSettings>;

/** A numeric column from its readable training values (`rows` rows in all; fewer values = some missing). */
export function fitNumericColumn(name: string, values: ArrayLike<number>, rows: number, settings: PreprocessSettings): FittedColumn {
  const { center, scale } = robustScale(values);
  const knots = splineKnots(values, center, scale, settings.clip, settings.splineKnots);
  return { name, kind: 'numeric', center, scale, missingIndicator: values.length < rows, clip: settings.clip, ...(knots.length > 0 ? { knots } : {}) };
}

export function fitBinaryColumn(name: string, yes: number, seen: number): FittedColumn {
  return { name, kind: 'binary', fill: seen > 0 ? yes / seen : DEFAULT_BINARY_FILL };
}

/** A categorical column from its training level counts: the frequent levels, most frequent first (ties by text). */
export function fitCategoricalColumn(name: string, counts: ReadonlyMap<string, number>, settings: PreprocessSettings): FittedColumn {
  const levels = [...counts]
    .filter(([, count]) => count >= settings.minLevelCount)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, settings.maxLevels)
    .map(([level]) => level);
  return { name, kind: 'categorical', levels };
}

/**
 * Knots in scaled units: at the j/(count+1) quantiles when the column has at
 * least MIN_SPLINE_VALUES distinct values; with 3 to MIN_SPLINE_VALUES − 1
 * distinct values (counts such as "number of products"), at every interior
 * value, so the spline passes through each level and a U-shaped effect is
 * as expressible as with one-hot levels. Distinct, strictly inside the
 * clipped range.
 */
function splineKnots(values: ArrayLike<number>, center: number, scale: number, clip: number, count: number): number[] {
  if (count <= 0 || values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const levels: number[] = [sorted[0]!];
  for (let i = 1; i < sorted.length && levels.length < MIN_SPLINE_VALUES; i++) if (sorted[i] !== sorted[i - 1]) levels.push(sorted[i]!);
  if (levels.length < 3) return [];
  const lo = Math.max(-clip, (sorted[0]! - center) / scale);
  const hi = Math.min(clip, (sorted[sorted.length - 1]! - center) / scale);
  const raw = levels.length < MIN_SPLINE_VALUES ? levels.slice(1, -1) : Array.from({ length: count }, (_, j) => quantile(sorted, (j + 1) / (count + 1)));
  const knots: number[] = [];
  for (const value of raw) {
    const k = (value - center) / scale;
    if (k > lo && k < hi && (knots.length === 0 || k > knots[knots.length - 1]!)) knots.push(k);
  }
  return knots;
}

/** A knot as a readable value in the column's own units, for input names (deterministic: 6 significant digits). */
function knotLabel(c: { center: number; scale: number }, knot: number): string {
  return String(Number((c.center + knot * c.scale).toPrecision(6)));
}

/** Model inputs in order, named and traced to their source column. */
export function featureLayout(columns: readonly FittedColumn[]): { featureNames: string[]; featureSource: string[] } {
  const featureNames: string[] = [];
  const featureSource: string[] = [];
  for (const c of columns) {
    const names =
      c.kind === 'numeric'
        ? [c.name, ...(c.missingIndicator ? [`${c.name}=${MISSING_LEVEL}`] : []), ...(c.knots ?? []).map((k) => `${c.name}>${knotLabel(c, k)}`)]
        : c.kind === 'binary'
          ? [c.name]
          : c.kind === 'mapped'
            ? c.inputs.map((input) => input.name)
            : c.levels.map((level) => `${c.name}=${level}`);
    for (const n of names) {
      featureNames.push(n);
      featureSource.push(c.name);
    }
  }
  return { featureNames, featureSource };
}

/**
 * The inputs a tree may split on: every input but spline knots (a knot
 * input max(0, z − k) orders rows as its column z does above k and ties
 * them below, so a tree gains no split from it).
 */
export function treeInputs(prep: Preprocessor): number[] {
  const out: number[] = [];
  let at = 0;
  for (const c of prep.columns) {
    const width = inputWidth(c);
    const used = c.kind === 'numeric' ? 1 + (c.missingIndicator ? 1 : 0) : width;
    for (let j = 0; j < used; j++) out.push(at + j);
    at += width;
  }
  return out;
}

/** The one-hot inputs of each categorical column with two or more levels: groups trees may read as one code (gbt/binning.ts codeLayout). */
export function oneHotGroups(prep: Preprocessor): number[][] {
  const groups: number[][] = [];
  let at = 0;
  for (const c of prep.columns) {
    const width = inputWidth(c);
    if (c.kind === 'categorical' && width >= 2) groups.push(Array.from({ length: width }, (_, j) => at + j));
    at += width;
  }
  return groups;
}

/** What the trees of a fit on this preprocessor's inputs may split on, and the one-hot groups they read as one code each. */
export function treeLayout(prep: Preprocessor): { gbtInputs: number[]; gbtBundles: number[][] } {
  return { gbtInputs: treeInputs(prep), gbtBundles: oneHotGroups(prep) };
}

/** Model inputs one fitted column writes. */
function inputWidth(c: FittedColumn): number {
  if (c.kind === 'numeric') return 1 + (c.missingIndicator ? 1 : 0) + (c.knots?.length ?? 0);
  if (c.kind === 'binary') return 1;
  return c.kind === 'mapped' ? c.inputs.length : c.levels.length;
}

/** Median and IQR (linear-interpolated quantiles), falling back to the standard deviation, then 1. */
export function robustScale(values: ArrayLike<number>): { center: number; scale: number } {
  if (values.length === 0) return { center: 0, scale: 1 };
  const sorted = Float64Array.from(values).sort();
  const center = quantile(sorted, 0.5);
  let scale = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  if (!(scale > 0) || !Number.isFinite(scale)) {
    let mean = 0;
    for (const v of sorted) mean += v / sorted.length;
    let variance = 0;
    for (const v of sorted) variance += (v - mean) ** 2 / sorted.length;
    scale = Math.sqrt(variance);
  }
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  return { center, scale };
}

/** Quantile of sorted values, linear interpolation between order statistics (R type 7, numpy default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/** Transformed rows, row-major: n × featureNames.length. */
export function transform(prep: Preprocessor, rows: readonly RawRow[]): Float32Array {
  return compileTransform(prep)(rows);
}

/** One transformed row. */
export function transformRow(prep: Preprocessor, row: RawRow): Float32Array {
  return compileTransform(prep)([row]);
}

/** Rows → row-major model inputs; reusable, its parse memos kept (bounded) across calls. */
export type CompiledTransform = (rows: readonly RawRow[], out?: Float32Array) => Float32Array;

/**
 * Prepares the transform once (level look-ups, parse memos) for repeated use
 * (the scorer). With `unobserved`, a column absent from a row (no own
 * property) is written as those values (the training baseline) instead of
 * being read as missing.
 */
export function compileTransform(prep: Preprocessor, options: { unobserved?: ArrayLike<number> } = {}): CompiledTransform {
  const width = prep.featureNames.length;
  const plan = compile(prep, options.unobserved);
  return (rows, out = new Float32Array(rows.length * width)) => {
    for (let i = 0; i < rows.length; i++) plan(rows[i]!, out, i * width);
    return out;
  };
}

type Writer = (row: RawRow, out: Float32Array, offset: number) => void;

type NumericColumn = Extract<FittedColumn, { kind: 'numeric' }>;

/** A numeric column's inputs for one value (null: missing): scaled and clipped, its missing indicator, its knot hinges. */
export function writeNumeric(c: NumericColumn, limit: number, knots: readonly number[], v: number | null, out: Float32Array, at: number): void {
  const knotAt = c.missingIndicator ? 2 : 1;
  let z = 0;
  if (v === null) {
    if (c.missingIndicator) out[at + 1] = 1;
  } else {
    z = Math.max(-limit, Math.min(limit, (v - c.center) / c.scale));
    if (c.missingIndicator) out[at + 1] = 0;
  }
  out[at] = z;
  // A missing value sits at the median (z = 0) for the spline too.
  for (let j = 0; j < knots.length; j++) out[at + knotAt + j] = z > knots[j]! ? z - knots[j]! : 0;
}

/** The clip of a numeric column (DEFAULT_CLIP when the file has none). */
export const clipOf = (c: NumericColumn): number => c.clip ?? DEFAULT_CLIP;

/** Builds one writer for the whole layout (level look-ups prepared once, not per row). */
function compile(prep: Preprocessor, unobserved?: ArrayLike<number>): Writer {
  const writers: { name: string; width: number; write: Writer }[] = prep.columns.map((c) => {
    if (c.kind === 'numeric') {
      const limit = clipOf(c);
      const read = numberReader();
      const knots = c.knots ?? [];
      return {
        name: c.name,
        width: (c.missingIndicator ? 2 : 1) + knots.length,
        write: (row, out, at) => writeNumeric(c, limit, knots, read(row[c.name]), out, at),
      };
    }
    if (c.kind === 'binary') {
      const fill = c.fill ?? DEFAULT_BINARY_FILL;
      const read = yesNoReader();
      return {
        name: c.name,
        width: 1,
        write: (row, out, at) => {
          out[at] = read(row[c.name]) ?? fill;
        },
      };
    }
    if (c.kind === 'mapped') {
      const write = mappedWriter(c, { number: numberReader(), yesNo: yesNoReader(), category: categoryValue });
      return { name: c.name, width: c.inputs.length, write };
    }
    const index = new Map(c.levels.map((level, j) => [level, j]));
    // One look-up per cell: raw text → input index (−1 = other).
    const read = memoize((value) => index.get(categoryValue(value)) ?? -1);
    const width = c.levels.length;
    return {
      name: c.name,
      width,
      write: (row, out, at) => {
        for (let j = 0; j < width; j++) out[at + j] = 0;
        const j = read(row[c.name]);
        if (j >= 0) out[at + j] = 1;
      },
    };
  });
  const total = writers.reduce((sum, w) => sum + w.width, 0);
  if (total !== prep.featureNames.length) {
    throw new Error(`preprocessor describes ${total} inputs but names ${prep.featureNames.length}`);
  }
  if (!unobserved) {
    return (row, out, offset) => {
      let at = offset;
      for (const w of writers) {
        w.write(row, out, at);
        at += w.width;
      }
    };
  }
  const starts: number[] = [];
  let start = 0;
  for (const w of writers) {
    starts.push(start);
    start += w.width;
  }
  return (row, out, offset) => {
    for (let k = 0; k < writers.length; k++) {
      const w = writers[k]!;
      const at = offset + starts[k]!;
      if (Object.hasOwn(row, w.name)) w.write(row, out, at);
      else for (let j = 0; j < w.width; j++) out[at + j] = unobserved[starts[k]! + j]!;
    }
  };
}
