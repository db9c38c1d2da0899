/**
 * Training from an event log (one row per purchase: customer, date, amount,
 * optional quantity), e.g. a shop's order export or the CDNOW purchase log.
 *
 *  1. Rows → events. A row with a blank customer id, an unreadable date, or
 *     an amount / quantity that is not a number is a bad row: counted and
 *     reported (first few with their row numbers), never fatal. A blank
 *     amount or quantity is an event without one.
 *  2. Events of one customer on one calendar day (UTC) are merged into one
 *     order: amounts and quantities summed.
 *  3. Per customer, orders up to the cutoff day (inclusive) are the history,
 *     as of the cutoff; orders after it only decide the label: churned when
 *     there is no order in (cutoff, cutoff + horizon days], i.e. the churn
 *     definition's inactivity rule with inactivityDays = horizon, applied as
 *     of cutoff + horizon (lib/indicators/churn-labels.ts). Orders after
 *     cutoff + horizon are ignored.
 *  4. Only customers with at least one order up to the cutoff are rows.
 *     Their features come from computeIndicators + indicatorFeatures: the
 *     same code the extension runs on a shopper's order list, not a separate
 *     RFM implementation.
 */
import type { Activity } from '../domain';
import { churnLabel, computeIndicators, DEFAULT_INDICATOR_SETTINGS, featureName, indicatorFeatures, INDICATOR_DEFINITIONS } from '../indicators';
import type { CustomerHistory, IndicatorSettings } from '../indicators/types';
import { isMissing, isoDay, parseDate, parseNumber, startOfDayUTC as startOfDay, type DateOrder } from '../parse';
import type { ColumnSpec, RawRow } from './types';

const DAY_MS = 86_400_000;

export interface EventLogOptions {
  /** Column names. */
  id: string;
  date: string;
  amount: string;
  quantity?: string;
  /** The last day of the feature period (epoch ms; its UTC day is used). */
  cutoff: number;
  /** Days after the cutoff in which a purchase means "retained". */
  horizonDays: number;
  /** How the log writes numeric dates when they are ambiguous (03/05/2024). */
  dateOrder?: DateOrder;
  /** Indicator settings; default: the product defaults with inactivityDays = horizonDays. */
  settings?: IndicatorSettings;
}

export interface EventRowProblem {
  /** Data row number: 1 is the first row after the header. */
  row: number;
  message: string;
}

export interface EventLogSummary {
  rowsRead: number;
  badRows: number;
  /** The first bad rows, with why. */
  problems: EventRowProblem[];
  /** Good rows after merging same-day rows per customer. */
  orders: number;
  /** Customers with at least one order up to the cutoff (the training rows). */
  customers: number;
  /** Customers whose first order is after the cutoff (not rows). */
  customersAfterCutoff: number;
  churned: number;
  /** Orders after cutoff + horizon, ignored. */
  ordersAfterHorizon: number;
}

export interface CustomerEvents {
  id: string;
  /** Orders up to the cutoff, as of the cutoff. */
  history: CustomerHistory;
  churned: boolean;
}

/** Options or columns that make the log unusable; the message is for the person who gave them. */
export class EventLogError extends Error {
  override name = 'EventLogError';
}

const EVENT_LABEL = 'churned';
const EVENT_POSITIVE = 'yes';
const MAX_PROBLEMS = 20;

function checkOptions(columns: readonly string[], o: EventLogOptions): void {
  const named: [string, string | undefined][] = [
    ['--id', o.id],
    ['--date', o.date],
    ['--amount', o.amount],
    ['--quantity', o.quantity],
  ];
  for (const [flag, column] of named) {
    if (column !== undefined && !columns.includes(column)) {
      throw new EventLogError(`Column "${column}" (${flag}) not found; the columns are: ${columns.join(', ')}.`);
    }
  }
  if (!Number.isFinite(o.cutoff)) throw new EventLogError('The cutoff is not a date.');
  if (!Number.isInteger(o.horizonDays) || o.horizonDays < 1) {
    throw new EventLogError(`The horizon must be a whole number of days ≥ 1 (got ${o.horizonDays}).`);
  }
}

interface DayOrder {
  amount?: number;
  quantity?: number;
}

/**
 * Rows → per-customer histories up to the cutoff and their labels.
 * `extraProblems` are rows the CSV reader already left out (ragged rows):
 * they count as bad rows, and their numbers are skipped when numbering
 * `rows`, so every reported row number is the file's data row number.
 */
export function readEventLog(
  rows: readonly RawRow[],
  columns: readonly string[],
  options: EventLogOptions,
  extraProblems: readonly EventRowProblem[] = [],
): { customers: CustomerEvents[]; summary: EventLogSummary } {
  checkOptions(columns, options);
  const cutoffDay = startOfDay(options.cutoff);
  const horizonEnd = cutoffDay + options.horizonDays * DAY_MS;
  const problems: EventRowProblem[] = [...extraProblems.slice(0, MAX_PROBLEMS)];
  let badRows = extraProblems.length;
  const bad = (row: number, message: string) => {
    badRows++;
    if (problems.length < MAX_PROBLEMS) problems.push({ row, message });
  };

  const dates = new Map<string, number | string>();
  const readDay = (text: string): number | string => {
    let hit = dates.get(text);
    if (hit === undefined) {
      const r = parseDate(text, options.dateOrder ? { order: options.dateOrder } : {});
      hit = r.ok ? startOfDay(r.value) : r.reason;
      if (dates.size >= 100_000) dates.clear();
      dates.set(text, hit);
    }
    return hit;
  };

  const numbers = new Map<string, number | false>();
  const byCustomer = new Map<string, Map<number, DayOrder>>();
  const skipped = extraProblems.map((p) => p.row).sort((a, b) => a - b);
  let nextRow = 1;
  let skip = 0;
  rows.forEach((row) => {
    while (skip < skipped.length && skipped[skip]! <= nextRow) {
      if (skipped[skip] === nextRow) nextRow++;
      skip++;
    }
    const n = nextRow++;
    const id = String(row[options.id] ?? '').trim();
    if (id === '') return bad(n, `blank customer id (${options.id})`);
    const dateCell = row[options.date];
    if (isMissing(dateCell)) return bad(n, `blank date (${options.date})`);
    const day = readDay(String(dateCell));
    if (typeof day === 'string') return bad(n, `unreadable date (${options.date}): ${day}`);
    const amount = readOptionalNumber(row[options.amount], numbers);
    if (amount === false) return bad(n, `amount is not a number (${options.amount}): "${String(row[options.amount]).trim()}"`);
    const quantity = options.quantity === undefined ? undefined : readOptionalNumber(row[options.quantity], numbers);
    if (quantity === false) return bad(n, `quantity is not a number (${options.quantity}): "${String(row[options.quantity!]).trim()}"`);

    let days = byCustomer.get(id);
    if (!days) byCustomer.set(id, (days = new Map()));
    const merged = days.get(day);
    if (!merged) {
      days.set(day, { ...(amount !== undefined ? { amount } : {}), ...(quantity !== undefined ? { quantity } : {}) });
    } else {
      if (amount !== undefined) merged.amount = (merged.amount ?? 0) + amount;
      if (quantity !== undefined) merged.quantity = (merged.quantity ?? 0) + quantity;
    }
  });

  const labelDefinition = {
    statusValues: [],
    inactivityDays: options.horizonDays,
    partialSpendDrop: null,
    windowDays: (options.settings ?? DEFAULT_INDICATOR_SETTINGS).churn.windowDays,
  };
  const customers: CustomerEvents[] = [];
  let orders = 0;
  let ordersAfterHorizon = 0;
  let customersAfterCutoff = 0;
  let churned = 0;
  for (const [id, days] of byCustomer) {
    const before: Activity[] = [];
    let lastInHorizon: Activity | undefined;
    for (const [day, o] of [...days].sort((a, b) => a[0] - b[0])) {
      orders++;
      if (day > horizonEnd) {
        ordersAfterHorizon++;
        continue;
      }
      const activity: Activity = { id: `order:${isoDay(day)}`, kind: 'order', at: day, ...o };
      if (day <= cutoffDay) before.push(activity);
      lastInHorizon = activity;
    }
    if (before.length === 0) {
      customersAfterCutoff++;
      continue;
    }
    const label = churnLabel({ asOf: horizonEnd, fields: {}, observations: [], activities: [lastInHorizon!], shown: ['order'] }, labelDefinition);
    if (label.churned) churned++;
    customers.push({
      id,
      history: { asOf: cutoffDay, fields: {}, observations: [], activities: before, shown: ['order'] },
      churned: label.churned,
    });
  }
  return {
    customers,
    summary: {
      rowsRead: rows.length + extraProblems.length,
      badRows,
      problems,
      orders,
      customers: customers.length,
      customersAfterCutoff,
      churned,
      ordersAfterHorizon,
    },
  };
}

/**
 * undefined for a blank cell, false for text that is not a number. A log is
 * a file written by a program: a lone "." is a decimal point ("12.345").
 */
function readOptionalNumber(cell: RawRow[string], memo: Map<string, number | false>): number | undefined | false {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : false;
  if (isMissing(cell)) return undefined;
  const text = String(cell);
  let hit = memo.get(text);
  if (hit === undefined) {
    const r = parseNumber(text, { source: 'file' });
    hit = r.ok ? r.value : false;
    if (memo.size >= 100_000) memo.clear();
    memo.set(text, hit);
  }
  return hit;
}

/** Indicator settings for a log: the given ones, or the defaults with the horizon as the inactivity limit. */
export function eventLogSettings(options: EventLogOptions): IndicatorSettings {
  return options.settings ?? { ...DEFAULT_INDICATOR_SETTINGS, churn: { ...DEFAULT_INDICATOR_SETTINGS.churn, inactivityDays: options.horizonDays } };
}

/**
 * Customers → training rows: the `ind:<id>` features of computeIndicators
 * (a blank cell where an indicator is not available) and the label column
 * "churned" = yes / no. Columns: every feature that any customer has, in
 * catalogue order, then the label. The column types are known (every
 * feature is a number), so they are declared rather than inferred: numeric,
 * or ignored when a feature has a single value over all rows.
 */
export function eventFeatureRows(
  customers: readonly CustomerEvents[],
  settings: IndicatorSettings,
): { rows: RawRow[]; columns: string[]; specs: ColumnSpec[] } {
  const features = customers.map((c) => indicatorFeatures(computeIndicators(c.history, settings)));
  const seen = new Map<string, Set<number>>();
  for (const f of features) {
    for (const key in f) {
      let values = seen.get(key);
      if (!values) seen.set(key, (values = new Set()));
      if (values.size < 2) values.add(f[key]!);
    }
  }
  const columns = INDICATOR_DEFINITIONS.map((d) => featureName(d.id)).filter((name) => seen.has(name));
  const rows = features.map((f, i) => {
    const row: RawRow = {};
    for (const c of columns) row[c] = f[c] ?? '';
    row[EVENT_LABEL] = customers[i]!.churned ? EVENT_POSITIVE : 'no';
    return row;
  });
  const specs: ColumnSpec[] = columns.map((name) => {
    const missing = features.reduce((n, f) => n + (f[name] === undefined ? 1 : 0), 0);
    const note = missing > 0 ? `indicator; not available for ${missing} customer(s)` : 'indicator';
    return seen.get(name)!.size < 2 ? { name, kind: 'ignore', note: 'constant: the same value for every customer' } : { name, kind: 'numeric', note };
  });
  specs.push({ name: EVENT_LABEL, kind: 'ignore', note: 'the label (what the model predicts)' });
  return { rows, columns: [...columns, EVENT_LABEL], specs };
}

/** An event log's rows → rows, columns and label for trainModel, with what was read. */
export function eventLogTrainingSet(
  rows: readonly RawRow[],
  columns: readonly string[],
  options: EventLogOptions,
  extraProblems: readonly EventRowProblem[] = [],
): { rows: RawRow[]; columns: string[]; specs: ColumnSpec[]; label: string; positive: string; summary: EventLogSummary } {
  const { customers, summary } = readEventLog(rows, columns, options, extraProblems);
  if (customers.length === 0) {
    throw new EventLogError(
      summary.orders === 0
        ? `No usable event rows (${summary.badRows} bad row(s)).`
        : `No customer has an order on or before the cutoff ${isoDay(startOfDay(options.cutoff))}.`,
    );
  }
  const built = eventFeatureRows(customers, eventLogSettings(options));
  return { ...built, label: EVENT_LABEL, positive: EVENT_POSITIVE, summary };
}
