/**
 * Churn-definition labels kept between views of the Experiments tab, so a
 * label is worked out once per customer per definition (≈ 5 µs each on
 * 100k customers). An entry stays valid while what the label reads is
 * unchanged: the row's last sighting and observation, its activity count and
 * the day it is judged on. The fingerprint is kept as numbers, not a string:
 * building and comparing a string per customer (with the definition's text
 * in it) cost more than the labels it saved.
 */
import type { CustomerRow } from '../db/schema';
import type { ChurnDefinition } from '../indicators/types';

const DAY_MS = 86_400_000;

interface Entry {
  lastSeen: number;
  lastObservedAt: number;
  activityCount: number;
  asOfDay: number;
  churned: boolean | null;
}

export interface LabelCache {
  /** The cached label of this row on this day, or undefined when it must be worked out. */
  get(key: string, row: CustomerRow, now: number): boolean | null | undefined;
  set(key: string, row: CustomerRow, now: number, churned: boolean | null): void;
  readonly size: number;
}

/** The day a label is judged on: the CRM's own today when its pages declared one, else now's. */
const asOfDayOf = (row: CustomerRow, now: number) => Math.floor((row.today ?? now) / DAY_MS);

/** Labels under one churn definition: a different definition (compared by its JSON) starts an empty cache. */
export function createLabelCaches() {
  let definitionText: string | null = null;
  let entries = new Map<string, Entry>();
  const cache: LabelCache = {
    get(key, row, now) {
      const entry = entries.get(key);
      if (
        !entry ||
        entry.lastSeen !== row.lastSeen ||
        entry.lastObservedAt !== row.lastObservedAt ||
        entry.activityCount !== (row.activityCount ?? 0) ||
        entry.asOfDay !== asOfDayOf(row, now)
      )
        return undefined;
      return entry.churned;
    },
    set(key, row, now, churned) {
      entries.set(key, {
        lastSeen: row.lastSeen,
        lastObservedAt: row.lastObservedAt,
        activityCount: row.activityCount ?? 0,
        asOfDay: asOfDayOf(row, now),
        churned,
      });
    },
    get size() {
      return entries.size;
    },
  };
  return {
    /** The cache for this definition (emptied when the definition differs from the last one asked for). */
    forDefinition(definition: ChurnDefinition): LabelCache {
      const text = JSON.stringify(definition);
      if (text !== definitionText) {
        definitionText = text;
        entries = new Map();
      }
      return cache;
    },
  };
}
