import type { Activity, SiteKey } from '@/lib/domain';
import type { CustomerRow, IndicatorRow, VisitSnapshot } from '@/lib/db/schema';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import { withProductFields } from '@/lib/fields/product-fields';
import { computeIndicators, indicatorFeatures } from './index';
import type { CustomerHistory, IndicatorResult, IndicatorSettings } from './types';
import type { RawRow } from '@/lib/model/types';

/** An unchanged indicator set is re-recorded at most once a day (like observations). */
export const INDICATOR_REFRESH_MS = 24 * 60 * 60 * 1000;

export function customerHistory(
  row: CustomerRow,
  activities: readonly Activity[],
  now: number,
  observations: CustomerHistory['observations'] = [],
  resolveField?: FieldResolver,
): CustomerHistory {
  // The CRM's own "today" when its pages declare one (a space shown as of a date), else now.
  return { asOf: row.today ?? now, fields: row.fields, observations, activities: activities as Activity[], ...(resolveField ? { resolveField } : {}) };
}

/**
 * What the model reads for a customer: the CRM's fields, plus indicator
 * features when they were computed, plus product fields (`field:*`) when a
 * resolver is given (imported models' feature specs read those).
 */
export function modelInputs(row: CustomerRow, result: IndicatorResult | null, resolveField?: FieldResolver): RawRow {
  const fields = resolveField ? withProductFields(row.fields, resolveField) : row.fields;
  return result ? { ...fields, ...indicatorFeatures(result) } : fields;
}

/** A stable digest of what an indicator set says, to tell a change from a repeat. */
export function indicatorDigest(result: IndicatorResult): string {
  const parts = result.values.map((v) => `${v.id}=${v.value ?? ''}`);
  parts.push(`lifecycle=${result.lifecycle.value ?? ''}`, `pattern=${result.pattern.value ?? ''}`);
  return parts.join('|');
}

/** The indicator row worth appending for a customer now, or null when nothing changed today. */
export function indicatorRowIfChanged(
  site: SiteKey,
  row: CustomerRow,
  result: IndicatorResult,
  now: number,
): { indicator: IndicatorRow; customer: CustomerRow } | null {
  const digest = indicatorDigest(result);
  if (row.indicators && row.indicators.digest === digest && now - row.indicators.at < INDICATOR_REFRESH_MS) return null;
  return {
    indicator: { site, crmId: row.crmId, computedAt: now, values: result.values, lifecycle: result.lifecycle.value, pattern: result.pattern.value },
    customer: { ...row, indicators: { digest, at: now } },
  };
}

/** What a visit remembers: the score and the available indicator values. */
export function visitSnapshot(at: number, probability: number | null, result: IndicatorResult, contributions: Record<string, number>): VisitSnapshot {
  const indicators: Record<string, number | string> = {};
  for (const v of result.values) if (v.value !== null) indicators[v.id] = v.value;
  return { at, probability, indicators, contributions };
}

/** A new visit starts when the previous look at this customer is older than this. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** The customer's visits after a look at `snapshot.at`: a new visit pushes the current one to "previous". */
export function nextVisits(visits: CustomerRow['visits'], snapshot: VisitSnapshot): NonNullable<CustomerRow['visits']> {
  const current = visits?.current;
  if (current && snapshot.at - current.at < VISIT_GAP_MS) return { ...visits, current: { ...snapshot, at: current.at } };
  return { ...(current ? { previous: current } : visits?.previous ? { previous: visits.previous } : {}), current: snapshot };
}

interface IndicatorChange {
  id: string;
  before: number | string | null;
  after: number | string | null;
}

export interface SinceLastVisit {
  /** When the previous visit was. */
  at: number;
  probability: { before: number | null; after: number | null };
  /** Indicators whose value changed (or appeared / disappeared). */
  indicators: IndicatorChange[];
  /** Largest changes of a reason's contribution to the score, biggest first. */
  drivers: { field: string; before: number; after: number }[];
}

/** "Since your last visit", from the previous visit to the state now. */
export function sinceLastVisit(previous: VisitSnapshot | undefined, now: VisitSnapshot, drivers = 3): SinceLastVisit | null {
  if (!previous) return null;
  const ids = new Set([...Object.keys(previous.indicators), ...Object.keys(now.indicators)]);
  const indicators: IndicatorChange[] = [];
  for (const id of ids) {
    const before = previous.indicators[id] ?? null;
    const after = now.indicators[id] ?? null;
    if (!sameValue(before, after)) indicators.push({ id, before, after });
  }
  const fields = new Set([...Object.keys(previous.contributions), ...Object.keys(now.contributions)]);
  const moved = [...fields]
    .map((field) => ({ field, before: previous.contributions[field] ?? 0, after: now.contributions[field] ?? 0 }))
    .filter((d) => Math.abs(d.after - d.before) >= 0.01)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
    .slice(0, drivers);
  return { at: previous.at, probability: { before: previous.probability, after: now.probability }, indicators, drivers: moved };
}

function sameValue(a: number | string | null, b: number | string | null): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/**
 * Indicator results per customer row, computed once per (row, activities,
 * settings) — rows are replaced, never mutated, when a customer changes, so
 * identity is the cache key.
 */
export function createIndicatorCache() {
  type Entry = { activities: readonly Activity[]; settings: IndicatorSettings; resolveField?: FieldResolver; result: IndicatorResult };
  const cache = new WeakMap<CustomerRow, Entry>();
  return {
    /** `resolveField`: the site's field mapping; a new mapping is a new resolver, so results are recomputed. */
    of(row: CustomerRow, activities: readonly Activity[], settings: IndicatorSettings, now: number, resolveField?: FieldResolver): IndicatorResult {
      const hit = cache.get(row);
      if (hit && hit.activities === activities && hit.settings === settings && hit.resolveField === resolveField) return hit.result;
      const result = computeIndicators(customerHistory(row, activities, now, [], resolveField), settings);
      cache.set(row, { activities, settings, resolveField, result });
      return result;
    },
  };
}
