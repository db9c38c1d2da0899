/**
 * The manager's churn definition as the options page edits it: validation
 * with a reason per field, the counts a definition would give over observed
 * customers (with the training's own labelling, lib/indicators/churn-labels.ts),
 * and the values the CRM shows in the status and reason fields.
 */
import type { RawFields } from '../domain';
import type { FieldResolver } from '../fields/field-resolver';
import { productFieldMap } from '../indicators/field-values';
import { churnLabel } from '../indicators/churn-labels';
import type { ChurnDefinition, CustomerHistory } from '../indicators/types';

export const INACTIVITY_DAYS_RANGE = [1, 3650] as const;
export const WINDOW_DAYS_RANGE = [7, 730] as const;
/** Partial churn drop, as a fraction. */
export const SPEND_DROP_RANGE = [0.05, 1] as const;
export const MAX_STATUS_VALUES = 50;

export type DefinitionProblem = 'noRule' | 'inactivityDays' | 'windowDays' | 'spendDrop' | 'statusValues' | 'reasonField';

/** Every problem of a definition (empty = valid), each a key the UI words. */
export function definitionProblems(definition: ChurnDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const inRange = (x: number, [lo, hi]: readonly [number, number]) => Number.isFinite(x) && x >= lo && x <= hi;
  if (!definition.statusValues.length && definition.inactivityDays === null && definition.partialSpendDrop === null) problems.push('noRule');
  if (definition.inactivityDays !== null && (!Number.isInteger(definition.inactivityDays) || !inRange(definition.inactivityDays, INACTIVITY_DAYS_RANGE)))
    problems.push('inactivityDays');
  if (!Number.isInteger(definition.windowDays) || !inRange(definition.windowDays, WINDOW_DAYS_RANGE)) problems.push('windowDays');
  if (definition.partialSpendDrop !== null && !inRange(definition.partialSpendDrop, SPEND_DROP_RANGE)) problems.push('spendDrop');
  if (definition.statusValues.length > MAX_STATUS_VALUES || definition.statusValues.some((v) => !v.trim() || v.length > 100)) problems.push('statusValues');
  if (definition.reasonField !== undefined && definition.reasonField !== null && !definition.reasonField.trim()) problems.push('reasonField');
  return problems;
}

export interface DefinitionCounts {
  customers: number;
  churned: number;
  partial: number;
  active: number;
  /** No rule could be checked: outcome unknown. */
  unknown: number;
  /** Of the churned, by the reason field (only when the definition names one). */
  voluntary: number;
  involuntary: number;
  noReason: number;
  /** Which rule fired, for the churned. */
  byRule: { status: number; inactivity: number; partial_spend_drop: number };
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Voluntary or involuntary churn by the reason field's value; null when the customer shows no reason. */
export function churnKind(fields: RawFields, definition: ChurnDefinition): 'voluntary' | 'involuntary' | null {
  const label = definition.reasonField;
  if (!label) return null;
  const reason = fields[label]?.trim();
  if (!reason) return null;
  const involuntary = new Set((definition.involuntaryReasons ?? []).map(normalize));
  return involuntary.has(normalize(reason)) ? 'involuntary' : 'voluntary';
}

/** How many customers the definition labels churned, partially churned, active or unknown. */
export function definitionCounts(histories: Iterable<CustomerHistory>, definition: ChurnDefinition): DefinitionCounts {
  const counts: DefinitionCounts = {
    customers: 0,
    churned: 0,
    partial: 0,
    active: 0,
    unknown: 0,
    voluntary: 0,
    involuntary: 0,
    noReason: 0,
    byRule: { status: 0, inactivity: 0, partial_spend_drop: 0 },
  };
  for (const history of histories) {
    counts.customers++;
    const label = churnLabel(history, definition);
    if (!label.evaluable) counts.unknown++;
    else if (!label.churned) counts.active++;
    else {
      if (label.kind === 'partial') counts.partial++;
      else counts.churned++;
      counts.byRule[label.rule!]++;
      if (definition.reasonField) {
        const kind = churnKind(history.fields, definition);
        if (kind) counts[kind]++;
        else counts.noReason++;
      }
    }
  }
  return counts;
}

export interface FieldValueCount {
  value: string;
  count: number;
}

/** The status text of a customer as the labelling reads it: the site's mapping over the synonyms. */
export function statusText(fields: RawFields, resolveField?: FieldResolver): string | undefined {
  return productFieldMap(fields, resolveField).status;
}

/** Distinct values (trimmed, first spelling kept) with their counts, most common first, at most `limit`. */
export function valueCounts(texts: Iterable<string | undefined>, limit = 50): FieldValueCount[] {
  const counts = new Map<string, FieldValueCount>();
  for (const text of texts) {
    const value = text?.trim();
    if (!value) continue;
    const key = normalize(value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit);
}

/** Field labels that look like a churn reason ("Churn reason", "Cancellation reason", "流失原因"). */
export function reasonFieldCandidates(labels: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const label of labels) if (/reason|原因/i.test(label)) out.add(label);
  return [...out].sort((a, b) => a.localeCompare(b));
}
