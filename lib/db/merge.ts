import type { CustomerSnapshot, SiteKey } from '../domain';
import type { CustomerRow } from './schema';

/** Re-record an unchanged customer at most once a day, so history shows presence without flooding. */
export const OBSERVATION_REFRESH_MS = 24 * 60 * 60 * 1000;

/** A new score row is worth writing when the probability moved at least this much, or a day passed. */
export const SCORE_CHANGE_EPSILON = 0.005;

export interface MergeResult {
  customer: CustomerRow;
  /** Whether this sighting deserves a new observation row. */
  observe: boolean;
}

/**
 * Fold one sighting of a customer into its stored row. Fields seen now win over
 * older ones; fields absent from this page (a list shows fewer columns than a
 * detail page) keep their last known value.
 */
export function mergeSnapshot(
  site: SiteKey,
  existing: CustomerRow | undefined,
  snapshot: CustomerSnapshot,
  now: number,
): MergeResult {
  if (!existing) {
    return {
      observe: true,
      customer: {
        site,
        crmId: snapshot.crmId,
        name: snapshot.name,
        fields: { ...snapshot.fields },
        firstSeen: now,
        lastSeen: now,
        lastObservedAt: now,
        observationCount: 1,
      },
    };
  }
  const changed =
    snapshot.name !== existing.name ||
    Object.entries(snapshot.fields).some(([key, value]) => existing.fields[key] !== value);
  const observe = changed || now - existing.lastObservedAt >= OBSERVATION_REFRESH_MS;
  return {
    observe,
    customer: {
      ...existing,
      name: snapshot.name || existing.name,
      fields: { ...existing.fields, ...snapshot.fields },
      lastSeen: Math.max(existing.lastSeen, now),
      lastObservedAt: observe ? now : existing.lastObservedAt,
      observationCount: existing.observationCount + (observe ? 1 : 0),
    },
  };
}

export function scoreWorthRecording(
  previous: CustomerRow['lastScore'],
  next: { probability: number; modelId: string },
  now: number,
): boolean {
  if (!previous) return true;
  return (
    previous.modelId !== next.modelId ||
    Math.abs(previous.probability - next.probability) >= SCORE_CHANGE_EPSILON ||
    now - previous.scoredAt >= OBSERVATION_REFRESH_MS
  );
}
