/**
 * Column typing: which CSV/CRM columns become model inputs, and how.
 *
 * Rules, applied in this order to each column (values are looked at after
 * trimming; missing placeholders — blank, "—", "N/A", … — are set aside and
 * do not count as levels):
 *
 *  1. The label column → ignore ("the label"): it is the target, never an input.
 *  2. No values at all → ignore. One value only → ignore (constant: it cannot
 *     separate anyone).
 *  3. Identifiers → ignore:
 *     - the name says id ("id", "customerID", "user_id", "uuid", "编号", …)
 *       and ≥ 50 % of its values are distinct;
 *     - or text that is different on every row (at least 10 rows): customer
 *       names, emails, phone numbers, order codes;
 *     - or plain whole numbers counting up by one from row to row (a row
 *       number / export index).
 *  4. Every value reads as a number (lib/parse/number: "29.85", "$1,234",
 *     "34 months", "12 %") → numeric, except:
 *     - exactly the two values 0 and 1 → binary;
 *     - an id-like name with ≤ maxLevels distinct values (a code such as
 *       RegionId) → categorical.
 *     Also numeric: at least 98 % of values read as numbers and more than
 *     maxLevels distinct values; the few unreadable ones are then treated as
 *     missing (noted).
 *  5. Every value reads as yes/no (lib/parse/yes-no), both answers present →
 *     binary.
 *  6. Text with ≤ maxLevels (20) distinct values → categorical. With more,
 *     still categorical when the levels holding ≥ 1 % of rows each cover
 *     ≥ 90 % of rows (the rare rest becomes "other" at preprocessing).
 *  7. Anything else is high-cardinality free text → ignore.
 */
import { isMissing } from '../parse/missing';
import { parseNumber } from '../parse/number';
import { parseYesNo } from '../parse/yes-no';
import type { ColumnSpec, RawRow } from './types';

/** CSV cells are written by programs: a lone "." is a decimal point ("1.234" = 1.234). */
const FILE_NUMBERS = { source: 'file' } as const;

export interface InferOptions {
  /** Distinct text values up to which a column is categorical outright (default 20). */
  maxLevels?: number;
  /** Share of rows a level needs to count as frequent (default 0.01). */
  frequentShare?: number;
  /** Share of rows the frequent levels must cover for a many-level column to stay categorical (default 0.9). */
  frequentCoverage?: number;
}

/** Id-like names; "employee number", "row number" (IBM HR, Kaggle bank) count too, but only with mostly distinct values (see below). */
const ID_NAME =
  /(^|[^a-z0-9])(id|ids|uuid|guid|identifier|key)($|[^a-z0-9])|(^|[^a-z0-9])(employee|customer|account|member|client|user|row|record)[ _-]?(number|no|num)($|[^a-z0-9])|编号|编码|号码|账号|帐号|工号|单号/;

/** "customerID" → "customer id", "User_Id" → "user id". */
function nameTokens(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

export function looksLikeIdName(name: string): boolean {
  return ID_NAME.test(nameTokens(name));
}

/** A cell as text: numbers as written, anything else trimmed. */
function cellText(value: RawRow[string]): string {
  return typeof value === 'number' ? String(value) : String(value ?? '').trim();
}

/** A column's distinct values (as text, missing placeholders set aside) with their row counts, and the rows holding a value. */
export function columnLevels(rows: readonly RawRow[], name: string): { levels: Map<string, number>; present: number } {
  const levels = new Map<string, number>();
  let present = 0;
  for (const row of rows) {
    const value = row[name];
    if (isMissing(value)) continue;
    present++;
    const text = cellText(value);
    levels.set(text, (levels.get(text) ?? 0) + 1);
  }
  return { levels, present };
}

export function inferColumns(rows: readonly RawRow[], columns: readonly string[], labelColumn: string, options: InferOptions = {}): ColumnSpec[] {
  const maxLevels = options.maxLevels ?? 20;
  const frequentShare = options.frequentShare ?? 0.01;
  const frequentCoverage = options.frequentCoverage ?? 0.9;
  return columns.map((name) => inferColumn(rows, name, name === labelColumn, { maxLevels, frequentShare, frequentCoverage }));
}

function inferColumn(rows: readonly RawRow[], name: string, isLabel: boolean, o: Required<InferOptions>): ColumnSpec {
  if (isLabel) return { name, kind: 'ignore', note: 'the label (what the model predicts)' };

  const { levels, present } = columnLevels(rows, name);
  const missing = rows.length - present;
  const missingNote = missing > 0 ? `; ${missing} missing` : '';
  if (present === 0) return { name, kind: 'ignore', note: 'no values' };
  if (levels.size === 1) {
    const only = [...levels.keys()][0]!;
    return { name, kind: 'ignore', note: `constant: always "${clip(only)}"${missingNote}` };
  }

  const distinct = levels.size;
  const idName = looksLikeIdName(name);
  if (idName && distinct >= 0.5 * present && distinct > o.maxLevels) {
    return { name, kind: 'ignore', note: `identifier (${distinct} distinct values)` };
  }

  // Numbers: parse each distinct text once.
  let numericRows = 0;
  let firstNonNumeric: string | undefined;
  const numericValues = new Set<number>();
  for (const [text, count] of levels) {
    const r = parseNumber(text, FILE_NUMBERS);
    if (r.ok) {
      numericRows += count;
      numericValues.add(r.value);
    } else firstNonNumeric ??= text;
  }
  const allNumeric = numericRows === present;
  const mostlyNumeric = numericRows >= 0.98 * present;
  const uniquePerRow = distinct === present && present >= 10;

  if (allNumeric && uniquePerRow && isRowNumber(rows, name)) {
    return { name, kind: 'ignore', note: 'row number (consecutive whole numbers, one per row)' };
  }
  if (uniquePerRow && !mostlyNumeric) {
    return { name, kind: 'ignore', note: `identifier or free text (different on every row)` };
  }
  if (allNumeric) {
    if (numericValues.size === 2 && numericValues.has(0) && numericValues.has(1)) {
      return { name, kind: 'binary', note: `0/1${missingNote}` };
    }
    if (idName && distinct <= o.maxLevels) {
      return { name, kind: 'categorical', note: `numeric code with ${distinct} levels (id-like name)${missingNote}` };
    }
    return { name, kind: 'numeric', ...(missing > 0 ? { note: `${missing} missing` } : {}) };
  }
  if (mostlyNumeric && distinct > o.maxLevels) {
    const bad = present - numericRows;
    return {
      name,
      kind: 'numeric',
      note: `${bad} value(s) not numbers (e.g. "${clip(firstNonNumeric ?? '')}"), treated as missing${missingNote}`,
    };
  }

  let yes = false;
  let no = false;
  let allYesNo = true;
  for (const text of levels.keys()) {
    const r = parseYesNo(text);
    if (!r.ok) {
      allYesNo = false;
      break;
    }
    if (r.value) yes = true;
    else no = true;
  }
  if (allYesNo && yes && no) return { name, kind: 'binary', note: `yes/no${missingNote}` };

  if (distinct <= o.maxLevels) return { name, kind: 'categorical', note: `${distinct} levels${missingNote}` };
  let covered = 0;
  let frequent = 0;
  for (const count of levels.values()) {
    if (count >= o.frequentShare * present) {
      covered += count;
      frequent++;
    }
  }
  if (covered >= o.frequentCoverage * present) {
    return { name, kind: 'categorical', note: `${distinct} levels, ${frequent} frequent; rare levels count as "other"${missingNote}` };
  }
  return { name, kind: 'ignore', note: `free text (${distinct} distinct values)` };
}

/** Plain whole numbers going up by exactly 1 from row to row (blanks aside): an export's row index. */
function isRowNumber(rows: readonly RawRow[], name: string): boolean {
  let previous: number | undefined;
  for (const row of rows) {
    const v = row[name];
    if (isMissing(v)) continue;
    const r = parseNumber(v, FILE_NUMBERS);
    if (!r.ok || r.kind !== 'number' || !Number.isInteger(r.value)) return false;
    if (previous !== undefined && r.value !== previous + 1) return false;
    previous = r.value;
  }
  return true;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
