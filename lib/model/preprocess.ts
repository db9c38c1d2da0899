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
import type { ColumnSpec, FittedColumn, Preprocessor, RawRow } from './types';

export const DEFAULT_CLIP = 10;
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
}

/** CSV cells are written by programs: a lone "." is a decimal point ("1.234" = 1.234), as in column inference. */
const FILE_NUMBERS = { source: 'file' } as const;

/** A cell as a number, or null when missing or unreadable. */
export function numericValue(value: RawRow[string]): number | null {
  const r = parseNumber(value, FILE_NUMBERS);
  return r.ok ? r.value : null;
}

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
  const clip = options.clip ?? DEFAULT_CLIP;
  const minLevelCount = options.minLevelCount ?? Math.max(2, Math.ceil(0.005 * rows.length));
  const maxLevels = options.maxLevels ?? 50;
  const columns: FittedColumn[] = [];
  for (const spec of specs) {
    if (spec.kind === 'numeric') {
      const read = memoize(numericValue);
      const values: number[] = [];
      for (const row of rows) {
        const v = read(row[spec.name]);
        if (v !== null) values.push(v);
      }
      const { center, scale } = robustScale(values);
      columns.push({ name: spec.name, kind: 'numeric', center, scale, missingIndicator: values.length < rows.length, clip });
    } else if (spec.kind === 'binary') {
      const read = memoize(binaryValue);
      let yes = 0;
      let seen = 0;
      for (const row of rows) {
        const v = read(row[spec.name]);
        if (v === null) continue;
        seen++;
        yes += v;
      }
      columns.push({ name: spec.name, kind: 'binary', fill: seen > 0 ? yes / seen : DEFAULT_BINARY_FILL });
    } else if (spec.kind === 'categorical') {
      const read = memoize(categoryValue);
      const counts = new Map<string, number>();
      for (const row of rows) {
        const level = read(row[spec.name]);
        counts.set(level, (counts.get(level) ?? 0) + 1);
      }
      const levels = [...counts]
        .filter(([, count]) => count >= minLevelCount)
        .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, maxLevels)
        .map(([level]) => level);
      columns.push({ name: spec.name, kind: 'categorical', levels });
    }
  }
  return { columns, ...featureLayout(columns) };
}

/** Model inputs in order, named and traced to their source column. */
export function featureLayout(columns: readonly FittedColumn[]): { featureNames: string[]; featureSource: string[] } {
  const featureNames: string[] = [];
  const featureSource: string[] = [];
  for (const c of columns) {
    const names =
      c.kind === 'numeric'
        ? [c.name, ...(c.missingIndicator ? [`${c.name}=${MISSING_LEVEL}`] : [])]
        : c.kind === 'binary'
          ? [c.name]
          : c.levels.map((level) => `${c.name}=${level}`);
    for (const n of names) {
      featureNames.push(n);
      featureSource.push(c.name);
    }
  }
  return { featureNames, featureSource };
}

/** Median and IQR (linear-interpolated quantiles), falling back to the standard deviation, then 1. */
export function robustScale(values: readonly number[]): { center: number; scale: number } {
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
  const width = prep.featureNames.length;
  const out = new Float32Array(rows.length * width);
  const plan = compile(prep);
  rows.forEach((row, i) => plan(row, out, i * width));
  return out;
}

/** One transformed row. */
export function transformRow(prep: Preprocessor, row: RawRow): Float32Array {
  const out = new Float32Array(prep.featureNames.length);
  compile(prep)(row, out, 0);
  return out;
}

type Writer = (row: RawRow, out: Float32Array, offset: number) => void;

/** Builds one writer for the whole layout (level look-ups prepared once, not per row). */
function compile(prep: Preprocessor): Writer {
  const writers: { width: number; write: Writer }[] = prep.columns.map((c) => {
    if (c.kind === 'numeric') {
      const limit = c.clip ?? DEFAULT_CLIP;
      const read = memoize(numericValue);
      return {
        width: c.missingIndicator ? 2 : 1,
        write: (row, out, at) => {
          const v = read(row[c.name]);
          if (v === null) {
            out[at] = 0;
            if (c.missingIndicator) out[at + 1] = 1;
          } else {
            const z = (v - c.center) / c.scale;
            out[at] = Math.max(-limit, Math.min(limit, z));
            if (c.missingIndicator) out[at + 1] = 0;
          }
        },
      };
    }
    if (c.kind === 'binary') {
      const fill = c.fill ?? DEFAULT_BINARY_FILL;
      const read = memoize(binaryValue);
      return {
        width: 1,
        write: (row, out, at) => {
          out[at] = read(row[c.name]) ?? fill;
        },
      };
    }
    const index = new Map(c.levels.map((level, j) => [level, j]));
    const read = memoize(categoryValue);
    return {
      width: c.levels.length,
      write: (row, out, at) => {
        out.fill(0, at, at + c.levels.length);
        const j = index.get(read(row[c.name]));
        if (j !== undefined) out[at + j] = 1;
      },
    };
  });
  const total = writers.reduce((sum, w) => sum + w.width, 0);
  if (total !== prep.featureNames.length) {
    throw new Error(`preprocessor describes ${total} inputs but names ${prep.featureNames.length}`);
  }
  return (row, out, offset) => {
    let at = offset;
    for (const w of writers) {
      w.write(row, out, at);
      at += w.width;
    }
  };
}
