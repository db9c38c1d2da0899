import { storage } from 'wxt/utils/storage';
import type { SiteKey } from './domain';
import { DEFAULT_RETENTION_DAYS } from './db/retention';
import type { StorageProblemKind } from './db/storage-errors';
import { DEFAULT_CHURN_DEFINITION, type IndicatorSettings } from './indicators/types';
import { DEFAULT_TIER_THRESHOLDS } from './risk/tiers';
import { migrateIndicatorSettingsV2 } from './risk/churn-settings';

/**
 * The background's and the console's own settings, each a versioned storage
 * item (other features keep theirs next to their code: fieldMappings,
 * siteJoinBy, enabledSites, playbook, costInputs, policyApplied). A format
 * change bumps `version` and adds a numbered migration, tested on a value the
 * previous version stored (tests/unit/settings, tests/unit/risk). Session items
 * are versioned too, though they die with the browser session: a worker that
 * updates mid-session reads them.
 */
export const tierThresholdsItem = storage.defineItem<number[]>('local:tierThresholds', {
  fallback: [...DEFAULT_TIER_THRESHOLDS],
  version: 1,
});

export interface FocusedCustomer {
  site: SiteKey;
  crmId: string;
  tabId: number | null;
  at: number;
}

/** The customer the support agent last opened or clicked; session-scoped, gone when the browser closes. */
export const focusedCustomerItem = storage.defineItem<FocusedCustomer | null>('session:focusedCustomer', {
  fallback: null,
  version: 1,
});

/**
 * The last failure to save history after all retries (quota, blocked upgrade,
 * private mode), so the UI can say so; cleared by the next successful write.
 */
export interface StorageProblem {
  kind: StorageProblemKind;
  /** The browser's own error text, for the details. */
  message: string;
  at: number;
  /** Rows held in memory, retried with the next write (nothing is dropped while this stays under the cap). */
  pending: number;
  /** Rows dropped because storage stayed unavailable past the memory cap (oldest observations first). */
  discarded: number;
}
export const storageProblemItem = storage.defineItem<StorageProblem | null>('session:storageProblem', { fallback: null, version: 1 });

/**
 * Rows of history that were accepted but never reached the database: the
 * background stopped while they were queued or held ('stopped'), or storage
 * failed so long that the memory cap dropped them ('discarded'). Kept in
 * local storage until the user dismisses the banner that says so.
 */
export interface LostRows {
  rows: number;
  /** When the first of these losses happened, and the last. */
  since: number;
  at: number;
  cause: 'stopped' | 'discarded';
}
export const lostRowsItem = storage.defineItem<LostRows | null>('local:lostRows', { fallback: null, version: 1 });
/** Rows accepted and not yet on disk, as the background last knew: a new worker counts what the old one took with it. */
export const unsavedRowsItem = storage.defineItem<number>('local:unsavedRows', { fallback: 0, version: 1 });

/** Manager-set inputs of the indicator engine: churn definition and competitors to look for. */
export const indicatorSettingsItem = storage.defineItem<IndicatorSettings>('local:indicatorSettings', {
  fallback: migrateIndicatorSettingsV2({ churn: { ...DEFAULT_CHURN_DEFINITION, statusValues: [...DEFAULT_CHURN_DEFINITION.statusValues] }, competitors: [] }),
  version: 2,
  migrations: { 2: migrateIndicatorSettingsV2 },
});

/** How long history the extension recorded (observations, scores, indicator snapshots) is kept, in days. */
export const retentionDaysItem = storage.defineItem<number>('local:retentionDays', { fallback: DEFAULT_RETENTION_DAYS, version: 1 });

/** Contact due times by tier, in hours after a customer became at-risk (tiers 3–5; manager-set). */
export const DEFAULT_DUE_HOURS: Record<string, number> = { '5': 24, '4': 72, '3': 168 };
export const dueHoursItem = storage.defineItem<Record<string, number>>('local:dueHours', { fallback: { ...DEFAULT_DUE_HOURS }, version: 1 });
