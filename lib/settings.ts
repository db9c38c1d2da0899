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
