/**
 * Leakage checks on the columns chosen as model inputs: a column that gives
 * the answer away makes a model look excellent in cross-validation and
 * useless on tomorrow's customers. Only feature columns are checked.
 *
 * 1. near-label: the column alone nearly decides the label.
 *    - For every column: the best "one value group → one class" rule.
 *      Groups are the column's values (categorical, binary, text, dates),
 *      or the two sides of the best single cut-off (numbers), plus one
 *      group for missing values; values held by fewer than MIN_GROUP rows
 *      are pooled into one group, so a per-row identifier cannot look
 *      predictive here. Its balanced accuracy is
 *        BA = ½ Σ_groups max(pos_g / P, neg_g / N)
 *      (the mean of the rule's recall on churned and on retained
 *      customers; insensitive to how rare churn is). Flagged at BA ≥ 0.98.
 *    - For numbers also: |Pearson correlation| with the 0/1 label ≥ 0.95.
 * 2. id-like: text that is different on every row (≥ 10 rows), or an
 *    id-looking name ("customerID", "编号", …) with ≥ 50 % distinct values,
 *    or whole numbers counting up by one per row (a row number).
 *    Identifiers identify, they do not predict: the model would memorise.
 * 3. after-label-date: the label has a date (a per-row column such as
 *    "churn date" / "snapshot date", or one date for the whole export, its
 *    cut-off) and the column's values are dates, at least one of them later
 *    than its row's label date: a fact recorded after the outcome, which a
 *    model scoring today's customers would never have. Same-day is allowed.
 *    Without a label date the check cannot run (the UI says so).
 */
import { looksLikeIdName } from '../model/infer-columns';
import type { RawRow } from '../model/types';
import { isMissing } from '../parse/missing';
import { parseDate } from '../parse/date';
import { parseNumber } from '../parse/number';
import type { ColumnMapping } from './column-mapping';

const NEAR_LABEL_BALANCED_ACCURACY = 0.98;
const NEAR_LABEL_CORRELATION = 0.95;
/** Values held by fewer rows are pooled for the near-label rule. */
const MIN_GROUP = 5;

export type LeakageWarning =
  | { column: string; kind: 'near-label'; balancedAccuracy: number; correlation: number | null }
  | { column: string; kind: 'id-like'; distinct: number; present: number; reason: 'unique-text' | 'id-name' | 'row-number' }
  | { column: string; kind: 'after-label-date'; rows: number; dated: number };

export interface LabelDate {
  /** A column holding each row's outcome date. */
  column?: string;
  /** One date for every row (epoch ms), e.g. the export's cut-off. */
  fixed?: number;
}

export interface LeakageInput {
  rows: readonly RawRow[];
  mapping: readonly ColumnMapping[];
  label: string;
  positive: string;
  labelDate?: LabelDate;
}

const FILE_NUMBERS = { source: 'file' } as const;

function cellText(value: RawRow[string]): string {
  return typeof value === 'number' ? String(value) : String(value ?? '').trim();
}

function numberOf(value: RawRow[string]): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const r = parseNumber(value, FILE_NUMBERS);
  return r.ok ? r.value : null;
}

function dateOf(value: RawRow[string]): number | null {
  if (isMissing(value)) return null;
  const r = parseDate(cellText(value));
  return r.ok ? r.value : null;
}

/** Pearson correlation; NaN when either side is constant or there are fewer than 2 pairs. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** ½ Σ_g max(pos_g/P, neg_g/N) over groups given as [positives, negatives]; NaN without both classes. */
export function balancedAccuracy(groups: Iterable<readonly [number, number]>, positives: number, negatives: number): number {
  if (positives === 0 || negatives === 0) return Number.NaN;
  let sum = 0;
  for (const [pos, neg] of groups) sum += Math.max(pos / positives, neg / negatives);
  return sum / 2;
}

/** Best balanced accuracy of a value → class rule, rare values pooled. */
export function groupRuleAccuracy(values: readonly (string | null)[], y: readonly number[], minGroup = MIN_GROUP): number {
  const groups = new Map<string | null, [number, number]>();
  let positives = 0;
  values.forEach((v, i) => {
    const g = groups.get(v) ?? [0, 0];
    if (y[i] === 1) {
      g[0]++;
      positives++;
    } else g[1]++;
    groups.set(v, g);
  });
  const pooled: [number, number] = [0, 0];
  const kept: (readonly [number, number])[] = [];
  for (const [key, g] of groups) {
    if (key !== null && g[0] + g[1] < minGroup) {
      pooled[0] += g[0];
      pooled[1] += g[1];
    } else kept.push(g);
  }
  if (pooled[0] + pooled[1] > 0) kept.push(pooled);
  return balancedAccuracy(kept, positives, values.length - positives);
}

/**
 * Best balanced accuracy of one cut-off on a number (either direction,
 * missing values a group of their own): the two sides and the missing
 * group, each assigned its better class.
 */
export function thresholdRuleAccuracy(values: readonly (number | null)[], y: readonly number[]): number {
  let positives = 0;
  for (const v of y) positives += v === 1 ? 1 : 0;
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const missing: [number, number] = [0, 0];
  const present: { v: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (y[i] === 1) missing[0]++;
      else missing[1]++;
    } else present.push({ v, y: y[i]! });
  });
  present.sort((a, b) => a.v - b.v);
  const totalPos = positives - missing[0];
  const totalNeg = negatives - missing[1];
  const side = (pos: number, neg: number) => Math.max(pos / positives, neg / negatives);
  const missingPart = side(missing[0], missing[1]);
  // Everything on one side (no cut) is a candidate too.
  let best = side(totalPos, totalNeg);
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < present.length; i++) {
    if (present[i]!.y === 1) pos++;
    else neg++;
    // Cut only between different values.
    if (i + 1 < present.length && present[i + 1]!.v === present[i]!.v) continue;
    best = Math.max(best, side(pos, neg) + side(totalPos - pos, totalNeg - neg));
  }
  return (best + missingPart) / 2;
}

function isRowNumber(values: readonly (number | null)[]): boolean {
  let previous: number | null = null;
  let seen = 0;
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isInteger(v) || (previous !== null && v !== previous + 1)) return false;
    previous = v;
    seen++;
  }
  return seen >= 10;
}

/** Why a feature column looks like an identifier, or null. */
export function idLikeReason(rows: readonly RawRow[], column: string, numeric: boolean): 'unique-text' | 'id-name' | 'row-number' | null {
  const seen = new Set<string>();
  let present = 0;
  for (const row of rows) {
    if (isMissing(row[column])) continue;
    present++;
    seen.add(cellText(row[column]));
  }
  if (present === 0) return null;
  if (looksLikeIdName(column) && seen.size >= 0.5 * present && seen.size > 20) return 'id-name';
  if (numeric) return isRowNumber(rows.map((r) => numberOf(r[column]))) && seen.size === present ? 'row-number' : null;
  return seen.size === present && present >= 10 ? 'unique-text' : null;
}

export function findLeakage(input: LeakageInput): LeakageWarning[] {
  const { rows, label, positive } = input;
  const labelled = rows.filter((r) => !isMissing(r[label]));
  const y = labelled.map((r) => (cellText(r[label]) === positive ? 1 : 0));
  const warnings: LeakageWarning[] = [];
  const labelDates = labelDatesOf(labelled, input.labelDate);
  for (const m of input.mapping) {
    if (m.role !== 'feature' || m.name === label) continue;
    const numeric = m.type === 'numeric';
    const reason = idLikeReason(labelled, m.name, numeric);
    if (reason) {
      const distinct = new Set(labelled.filter((r) => !isMissing(r[m.name])).map((r) => cellText(r[m.name]))).size;
      const present = labelled.filter((r) => !isMissing(r[m.name])).length;
      warnings.push({ column: m.name, kind: 'id-like', distinct, present, reason });
    }
    let ba: number;
    let correlation: number | null = null;
    if (numeric) {
      const values = labelled.map((r) => (isMissing(r[m.name]) ? null : numberOf(r[m.name])));
      ba = thresholdRuleAccuracy(values, y);
      const xs: number[] = [];
      const ys: number[] = [];
      values.forEach((v, i) => {
        if (v !== null) {
          xs.push(v);
          ys.push(y[i]!);
        }
      });
      const r = pearson(xs, ys);
      correlation = Number.isFinite(r) ? r : null;
    } else {
      ba = groupRuleAccuracy(
        labelled.map((r) => (isMissing(r[m.name]) ? null : cellText(r[m.name]))),
        y,
      );
    }
    if (ba >= NEAR_LABEL_BALANCED_ACCURACY || (correlation !== null && Math.abs(correlation) >= NEAR_LABEL_CORRELATION)) {
      warnings.push({ column: m.name, kind: 'near-label', balancedAccuracy: ba, correlation });
    }
    const first = labelled.find((r) => !isMissing(r[m.name]));
    if (labelDates && m.name !== input.labelDate?.column && first && dateOf(first[m.name]) !== null) {
      let dated = 0;
      let after = 0;
      labelled.forEach((r, i) => {
        const d = dateOf(r[m.name]);
        if (d === null) return;
        dated++;
        const limit = labelDates[i];
        if (limit !== null && limit !== undefined && startOfDay(d) > startOfDay(limit)) after++;
      });
      if (after > 0 && dated >= 0.5 * labelled.filter((r) => !isMissing(r[m.name])).length) {
        warnings.push({ column: m.name, kind: 'after-label-date', rows: after, dated });
      }
    }
  }
  return warnings;
}

const DAY_MS = 86_400_000;
const startOfDay = (t: number) => Math.floor(t / DAY_MS);

function labelDatesOf(rows: readonly RawRow[], labelDate: LabelDate | undefined): (number | null)[] | null {
  if (!labelDate) return null;
  if (labelDate.column) return rows.map((r) => dateOf(r[labelDate.column!]));
  if (labelDate.fixed !== undefined && Number.isFinite(labelDate.fixed)) return rows.map(() => labelDate.fixed!);
  return null;
}

/** Feature columns flagged by any check: the import sets them to "ignore" until the manager says otherwise. */
export function leakingColumns(warnings: readonly LeakageWarning[]): Set<string> {
  return new Set(warnings.map((w) => w.column));
}
