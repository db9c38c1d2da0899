/**
 * The import's column mapping: what each column of a CRM export (or of the
 * observed customers) is for, and how it is read.
 *
 * Roles: `id` (names a customer; never an input), `label` (what the model
 * predicts; exactly one), `feature` (a model input), `ignore`.
 * Types: the model's kinds (numeric, binary = yes/no, categorical), plus
 * `date` and `text`, which the model cannot read as inputs (dates are only
 * used by the leakage check; text is free text or an identifier).
 *
 * Initial guess per column (the manager can change every one):
 * - type from lib/model/infer-columns.ts's inferColumns (the rules `npm run train`
 *   uses), except a column whose values read as calendar dates (≥ 95 % of
 *   the values, at least one with a non-digit, so "20240305" stays a
 *   number) is `date`;
 * - role: the guessed label column is `label`; an identifier-looking column
 *   (inferColumns says identifier or row number) is `id`; a numeric,
 *   binary or categorical column is `feature`; anything else `ignore`.
 * - the label guess: the first column whose name reads as an outcome
 *   (churn, churned, status, label, outcome, exited, 流失, 状态, …) and
 *   that has 2 to 10 distinct values.
 */
import { columnLevels, looksLikeIdName, inferColumns } from '../model/infer-columns';
import type { ColumnKind, ColumnSpec, RawRow } from '../model/types';
import { parseDate } from '../parse/date';
import { CHURNED_LABEL_WORDS } from '@/lib/model/train-set';

export type ColumnRole = 'id' | 'label' | 'feature' | 'ignore';
export type ColumnType = 'numeric' | 'binary' | 'categorical' | 'date' | 'text';

export const COLUMN_ROLES: readonly ColumnRole[] = ['id', 'label', 'feature', 'ignore'];
export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'binary', 'categorical', 'date', 'text'];
/** Types the model can take as inputs. */
export const FEATURE_TYPES: readonly ColumnType[] = ['numeric', 'binary', 'categorical'];

export interface ColumnProfile {
  name: string;
  /** Rows with a value (not blank / "—" / "N/A"). */
  present: number;
  missing: number;
  distinct: number;
  /** Up to 3 distinct example values, most frequent first. */
  examples: string[];
  inferredType: ColumnType;
  /** Why lib/model typed it so (e.g. "identifier (7043 distinct values)"). */
  note?: string;
  /** inferColumns said identifier / row number. */
  idLike: boolean;
}

export interface ColumnMapping {
  name: string;
  role: ColumnRole;
  type: ColumnType;
}

const OUTCOME_NAME =
  /(^|[^a-z])(churn|churned|churner|status|label|outcome|target|exited|attrition|attrited|cancelled|canceled|lost|left)($|[^a-z])|流失|状态|标签/;
const DATE_SHARE = 0.95;

function kindToType(kind: ColumnKind): ColumnType {
  return kind === 'ignore' ? 'text' : kind;
}

/** True when ≥ 95 % of the distinct values (weighted by rows) read as dates and one has a non-digit. */
export function looksLikeDates(levels: ReadonlyMap<string, number>, present: number): boolean {
  if (present === 0) return false;
  let dated = 0;
  let nonDigit = false;
  for (const [text, count] of levels) {
    if (parseDate(text).ok) {
      dated += count;
      if (/\D/.test(text)) nonDigit = true;
    }
  }
  return nonDigit && dated >= DATE_SHARE * present;
}

/** Counts, examples and the inferred type of every column (the label is typed like any column). */
export function profileColumns(rows: readonly RawRow[], columns: readonly string[]): ColumnProfile[] {
  // No label given: every column is typed on its own values.
  const specs = inferColumns(rows, columns, '\u0000no-label');
  return columns.map((name, i) => {
    const { levels, present } = columnLevels(rows, name);
    const spec = specs[i]!;
    const examples = [...levels]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([text]) => text);
    const idLike = spec.kind === 'ignore' && /identifier|row number/.test(spec.note ?? '');
    const dates = looksLikeDates(levels, present);
    return {
      name,
      present,
      missing: rows.length - present,
      distinct: levels.size,
      examples,
      inferredType: dates ? 'date' : kindToType(spec.kind),
      ...(spec.note ? { note: spec.note } : {}),
      idLike: idLike && !dates,
    };
  });
}

/** The column most likely to be the churn outcome, or null. */
export function guessLabel(profiles: readonly ColumnProfile[]): string | null {
  const candidate = profiles.find((p) => OUTCOME_NAME.test(splitName(p.name)) && p.distinct >= 2 && p.distinct <= 10);
  return candidate?.name ?? null;
}

function splitName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function initialMapping(profiles: readonly ColumnProfile[], label: string | null = guessLabel(profiles)): ColumnMapping[] {
  return profiles.map((p) => {
    const type = p.inferredType;
    if (p.name === label) return { name: p.name, role: 'label', type };
    if (p.idLike || (looksLikeIdName(p.name) && p.distinct === p.present && p.present > 0)) return { name: p.name, role: 'id', type };
    return { name: p.name, role: FEATURE_TYPES.includes(type) ? 'feature' : 'ignore', type };
  });
}

/** Sets one column's role; choosing a new label turns the previous label column into a feature (or ignore). */
export function withRole(mapping: readonly ColumnMapping[], name: string, role: ColumnRole): ColumnMapping[] {
  return mapping.map((m) => {
    if (m.name === name) return { ...m, role };
    if (role === 'label' && m.role === 'label') return { ...m, role: FEATURE_TYPES.includes(m.type) ? 'feature' : 'ignore' };
    return m;
  });
}

/** Sets one column's type; a feature given a type the model cannot read becomes ignored. */
export function withType(mapping: readonly ColumnMapping[], name: string, type: ColumnType): ColumnMapping[] {
  return mapping.map((m) => (m.name !== name ? m : { ...m, type, role: m.role === 'feature' && !FEATURE_TYPES.includes(type) ? 'ignore' : m.role }));
}

export function labelColumn(mapping: readonly ColumnMapping[]): string | null {
  return mapping.find((m) => m.role === 'label')?.name ?? null;
}

/** The label's values with their counts, most frequent first (ties by value). */
export function labelLevels(rows: readonly RawRow[], label: string): { value: string; count: number }[] {
  return [...columnLevels(rows, label).levels]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The label value that reads as churned when exactly one does; else null (the manager picks). */
export function guessPositive(levels: readonly { value: string }[]): string | null {
  const candidates = levels.filter((l) => CHURNED_LABEL_WORDS.has(l.value.toLowerCase()));
  return candidates.length === 1 ? candidates[0]!.value : null;
}

/** ColumnSpecs for trainModel: features keep their type, every other column is ignored with the reason. */
export function trainingSpecs(mapping: readonly ColumnMapping[]): ColumnSpec[] {
  return mapping.map((m) => {
    if (m.role === 'feature' && FEATURE_TYPES.includes(m.type)) return { name: m.name, kind: m.type as ColumnKind, note: 'chosen in the options page' };
    const note = m.role === 'label' ? 'the label (what the model predicts)' : m.role === 'id' ? 'identifier' : 'ignored in the options page';
    return { name: m.name, kind: 'ignore', note };
  });
}

export type MappingProblem = 'no-label' | 'label-one-value' | 'no-positive' | 'no-features';

/** What stops training with this mapping, in the order to fix it; empty when it can train. */
export function mappingProblems(mapping: readonly ColumnMapping[], levels: readonly { value: string }[], positive: string | null): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!labelColumn(mapping)) problems.push('no-label');
  else if (levels.length < 2) problems.push('label-one-value');
  else if (positive === null || !levels.some((l) => l.value === positive)) problems.push('no-positive');
  if (!mapping.some((m) => m.role === 'feature' && FEATURE_TYPES.includes(m.type))) problems.push('no-features');
  return problems;
}
