/** The labelled rows a training run uses: label values checked, the positive value resolved, the data hashed. */
import { isMissing } from '../parse/missing';
import { stratifiedKFold, type Fold } from './cv';
import { encodeColumns, type EncodedTable } from './encoded';
import { sha256 } from './hash';
import { inferColumns } from './infer-columns';
import { TrainError, type TrainOptions } from './train-types';
import type { ColumnSpec, RawRow } from './types';

/**
 * Label values that mean "churned", compared lower-cased: the CLI's and the training worker's
 * positive value, and the options page's first guess (lib/training/column-mapping.ts).
 */
export const CHURNED_LABEL_WORDS: ReadonlySet<string> = new Set([
  'yes',
  'y',
  'true',
  't',
  '1',
  '1.0',
  'churn',
  'churned',
  'churner',
  'left',
  'lost',
  'exited',
  'cancelled',
  'canceled',
  'lapsed',
  'attrited',
  'inactive',
  'closed lost',
  '是',
  '流失',
  '已流失',
  '已取消',
]);

/** The positive label value: the one given (checked against the data) or the single level that reads as "churned". */
export function resolvePositive(levels: readonly string[], label: string, positive?: string): string {
  const shown = levels.map((l) => `"${l}"`).join(', ');
  if (positive !== undefined) {
    const p = positive.trim();
    if (!levels.includes(p)) {
      throw new TrainError('positive-unknown', `The positive value "${p}" does not occur in label column "${label}"; its values are ${shown}.`);
    }
    return p;
  }
  const candidates = levels.filter((l) => CHURNED_LABEL_WORDS.has(l.toLowerCase()));
  if (candidates.length !== 1) {
    throw new TrainError(
      'positive-ambiguous',
      `Cannot tell which value of label column "${label}" means churned (values: ${shown}). Name it with --positive VALUE.`,
    );
  }
  return candidates[0]!;
}

function cellString(value: RawRow[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

/** SHA-256 of the rows used (in order), over the given columns. */
export function hashRows(rows: readonly RawRow[], columns: readonly string[]): string {
  const lines = [JSON.stringify(columns)];
  for (const row of rows) lines.push(JSON.stringify(columns.map((c) => cellString(row[c]))));
  return sha256(lines.join('\n'));
}

export interface TrainingSet {
  /** Column order of the input (the CSV header). */
  columns: string[];
  /** The rows with a label, in input order. */
  rows: RawRow[];
  /** 1 = churned. */
  y: number[];
  positive: string;
  positives: number;
  skippedRows: number;
  /** Every column's type (ignored ones included, with why). */
  specs: ColumnSpec[];
  /** The columns that become model inputs. */
  featureSpecs: ColumnSpec[];
  folds: Fold[];
  /** The feature columns of `rows`, read once (every fit's preprocessing reads these, not the text). */
  table: EncodedTable;
}

/** Checks the input and splits it into stratified folds; every refusal is a TrainError with a message for the person who gave the data. */
export function prepareTrainingSet(options: TrainOptions, k: number, seed: number): TrainingSet {
  const { label } = options;
  if (options.rows.length === 0) throw new TrainError('no-rows', 'There are no rows to train on.');
  const columns = [...(options.columns ?? Object.keys(options.rows[0]!))];
  if (!columns.includes(label)) {
    throw new TrainError('label-missing', `Label column "${label}" not found; the columns are: ${columns.join(', ')}.`);
  }
  const rows = options.rows.filter((r) => !isMissing(r[label]));
  const skippedRows = options.rows.length - rows.length;
  const levels = [...new Set(rows.map((r) => cellString(r[label]).trim()))].sort();
  if (levels.length < 2) {
    throw new TrainError(
      'one-class',
      levels.length === 0
        ? `Label column "${label}" is blank on every row.`
        : `Label column "${label}" has only one value ("${levels[0]}"): a model needs examples of both churned and retained customers.`,
    );
  }
  const positive = resolvePositive(levels, label, options.positive);
  const y: number[] = rows.map((r) => (cellString(r[label]).trim() === positive ? 1 : 0));
  const positives = y.reduce((s: number, v) => s + v, 0);

  const specs = options.specs ? [...options.specs] : inferColumns(rows, columns, label);
  const featureSpecs = specs.filter((s) => s.kind !== 'ignore' && s.name !== label);
  if (featureSpecs.length === 0) {
    throw new TrainError('no-features', 'No column can be used as a model input (all were ignored: identifiers, constants or free text).');
  }
  let folds: Fold[];
  try {
    folds = stratifiedKFold(y, k, seed);
  } catch (error) {
    throw new TrainError(
      'too-few-rows',
      `Cannot run ${k}-fold cross-validation: ${(error as Error).message}. Use fewer folds or more rows (${positives} churned, ${rows.length - positives} retained).`,
    );
  }
  return { columns, rows, y, positive, positives, skippedRows, specs, featureSpecs, folds, table: encodeColumns(rows, featureSpecs) };
}
