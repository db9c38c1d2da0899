import type { CustomerSnapshot, PageKind, SiteKey, Tier } from '../domain';
import { parseRelativeTime } from '../parse/relative-time';
import { customerValueOf } from './migrations/v2';
import type { CustomerRow, ObservationRow, ScoreRow } from './schema';

/** Re-record an unchanged customer at most once a day, so history shows presence without flooding. */
export const OBSERVATION_REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * At most one observation per customer in this window: changes seen sooner
 * (a page rewriting its cells, a grid refreshing every second) are folded
 * into the next observation after it, so history grows by at most six rows
 * per customer per hour however busy the page is, and no change is lost.
 * Only a field the customer never showed before is recorded at once.
 */
export const OBSERVATION_MIN_GAP_MS = 10 * 60 * 1000;

const RELATIVE_MARKER = /\bago\b|^(just )?now$|^a moment ago$|^(today|yesterday)\b|(前|以前|之前)$|^(刚刚|刚才|今天|昨天)/i;

/**
 * A value that changes with the clock rather than with the customer ("3 min
 * ago", "刚刚", "yesterday 14:30"): it is kept on the row (latest wins) but is
 * not a change worth an observation, or a live "last seen" column would add a
 * row per read.
 */
export function isVolatileValue(value: string, now: number): boolean {
  const text = value.trim();
  return text.length <= 64 && RELATIVE_MARKER.test(text) && parseRelativeTime(text, now).ok;
}

/** Field names whose value this sighting changes, clock-driven values left out. */
function changedFields(existing: Record<string, string>, seen: Record<string, string>, now: number): string[] {
  return Object.entries(seen)
    .filter(([key, value]) => existing[key] !== value && !isVolatileValue(value, now))
    .map(([key]) => key);
}

const pick = (fields: Record<string, string>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => Object.hasOwn(fields, key)).map((key) => [key, fields[key]!]));

/** A new score row is worth writing when the probability moved at least this much, or a day passed. */
const SCORE_CHANGE_EPSILON = 0.005;

export interface MergeResult {
  customer: CustomerRow;
  /** Whether this sighting deserves a new observation row. */
  observe: boolean;
  /**
   * The fields that observation stores: all of them for a new customer, else
   * only those changed since the previous observation (none for a daily
   * "still here" row). Readers carry earlier values forward (withCarriedFields).
   */
  observedFields: Record<string, string>;
}

/**
 * Fold one sighting of a customer into its stored row. Fields seen now win over
 * older ones; fields absent from this page (a list shows fewer columns than a
 * detail page) keep their last known value.
 */
export function mergeSnapshot(site: SiteKey, existing: CustomerRow | undefined, snapshot: CustomerSnapshot, now: number): MergeResult {
  if (!existing) {
    return {
      observe: true,
      observedFields: { ...snapshot.fields },
      customer: withValue({
        site,
        crmId: snapshot.crmId,
        name: snapshot.name,
        fields: { ...snapshot.fields },
        firstSeen: now,
        lastSeen: now,
        lastObservedAt: now,
        observationCount: 1,
      }),
    };
  }
  const fieldsChanged = changedFields(existing.fields, snapshot.fields, now);
  const renamed = !!snapshot.name && snapshot.name !== existing.name;
  const fields = { ...existing.fields, ...snapshot.fields };
  const valueMoved = fieldsChanged.length > 0 || Object.keys(snapshot.fields).some((key) => existing.fields[key] !== snapshot.fields[key]);
  // Changes since the last observation, this one's included: what the next observation must store.
  const unobserved = [...new Set([...(existing.unobservedFields ?? []), ...fieldsChanged])];
  const sinceObserved = now - existing.lastObservedAt;
  // A field this customer never showed before (a detail page after the list) is new knowledge, not churn in a cell: recorded at once.
  const discovered = fieldsChanged.some((key) => !Object.hasOwn(existing.fields, key));
  const observe = discovered || sinceObserved >= OBSERVATION_REFRESH_MS || ((renamed || unobserved.length > 0) && sinceObserved >= OBSERVATION_MIN_GAP_MS);
  const { unobservedFields: _previous, ...rest } = existing;
  const customer: CustomerRow = {
    ...rest,
    name: snapshot.name || existing.name,
    fields,
    lastSeen: Math.max(existing.lastSeen, now),
    lastObservedAt: observe ? now : existing.lastObservedAt,
    observationCount: existing.observationCount + (observe ? 1 : 0),
    ...(!observe && unobserved.length ? { unobservedFields: unobserved } : {}),
  };
  return { observe, observedFields: observe ? pick(fields, unobserved) : {}, customer: valueMoved ? withValue(customer) : customer };
}

function withValue(customer: CustomerRow): CustomerRow {
  const value = customerValueOf(customer.fields);
  if (value === undefined) {
    const { value: _dropped, ...rest } = customer;
    return rest;
  }
  return { ...customer, value };
}

export function scoreWorthRecording(previous: CustomerRow['lastScore'], next: { probability: number; modelId: string }, now: number): boolean {
  if (!previous) return true;
  return (
    previous.modelId !== next.modelId ||
    Math.abs(previous.probability - next.probability) >= SCORE_CHANGE_EPSILON ||
    now - previous.scoredAt >= OBSERVATION_REFRESH_MS
  );
}

export interface SightingContext {
  site: SiteKey;
  pageKind: PageKind;
  url: string;
  adapter: string;
  now: number;
  /** The page's own "today" (epoch ms) when it declares one; stored on the customer for its indicators. */
  today?: number;
}

/**
 * Fold a page's customers into their stored rows. Returns the merged row for
 * each snapshot (input order; a customer listed twice is merged twice, last
 * wins), the distinct rows to store, and the observations worth keeping.
 */
export function mergeSightings(
  context: SightingContext,
  existing: readonly (CustomerRow | undefined)[],
  snapshots: readonly CustomerSnapshot[],
): { merged: CustomerRow[]; changed: CustomerRow[]; observations: ObservationRow[] } {
  const latest = new Map<string, CustomerRow>();
  const observations: ObservationRow[] = [];
  snapshots.forEach((snapshot, i) => {
    const previous = latest.get(snapshot.crmId) ?? existing[i];
    const merged = mergeSnapshot(context.site, previous, snapshot, context.now);
    const { observe, observedFields } = merged;
    let customer = context.today !== undefined && merged.customer.today !== context.today ? { ...merged.customer, today: context.today } : merged.customer;
    if (context.pageKind === 'detail' && customer.detailUrl !== context.url) customer = { ...customer, detailUrl: context.url };
    latest.set(snapshot.crmId, customer);
    if (observe) {
      observations.push({
        site: context.site,
        crmId: snapshot.crmId,
        observedAt: context.now,
        pageKind: context.pageKind,
        url: context.url,
        adapter: context.adapter,
        name: snapshot.name,
        fields: observedFields,
      });
    }
  });
  return { merged: snapshots.map((s) => latest.get(s.crmId)!), changed: [...latest.values()], observations };
}

export interface ScoredCustomer {
  crmId: string;
  probability: number;
  tier: Tier;
  modelId: string;
}

/**
 * Which scores to append to history, and each customer row with its new latest
 * score. Explanations are computed only for the scores that are kept.
 */
export function applyScores(
  site: SiteKey,
  rows: readonly CustomerRow[],
  scored: readonly ScoredCustomer[],
  now: number,
  reasonsFor: (row: CustomerRow) => ScoreRow['reasons'],
): { history: ScoreRow[]; updated: CustomerRow[] } {
  const byId = new Map(rows.map((row) => [row.crmId, row]));
  const history: ScoreRow[] = [];
  const updated: CustomerRow[] = [];
  for (const score of scored) {
    const row = byId.get(score.crmId);
    if (!row || !scoreWorthRecording(row.lastScore, score, now)) continue;
    history.push({
      site,
      crmId: score.crmId,
      scoredAt: now,
      probability: score.probability,
      tier: score.tier,
      modelId: score.modelId,
      reasons: reasonsFor(row),
    });
    const next: CustomerRow = { ...row, lastScore: { probability: score.probability, tier: score.tier, modelId: score.modelId, scoredAt: now } };
    // At-risk since: set when the tier first reaches 3, kept while it stays there, cleared below.
    if (score.tier >= 3 && (row.lastScore?.tier ?? 0) < 3) next.atRiskSince = now;
    else if (score.tier < 3) delete next.atRiskSince;
    byId.set(score.crmId, next);
    updated.push(next);
  }
  return { history, updated };
}
