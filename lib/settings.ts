import { storage } from 'wxt/utils/storage';
import type { SiteKey } from './domain';
import { DEFAULT_TIER_THRESHOLDS } from './risk/tiers';

/**
 * Every persisted setting, each a versioned storage item. A format change
 * bumps `version` and adds a numbered migration (tested in tests/unit/settings).
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
});

/**
 * The last failure to save history after all retries (quota, blocked upgrade,
 * private mode), so the UI can say so; cleared by the next successful write.
 */
export interface StorageProblem {
  message: string;
  at: number;
  lost: { customers: number; observations: number; scores: number };
}
export const storageProblemItem = storage.defineItem<StorageProblem | null>('session:storageProblem', { fallback: null });
