import { storage } from 'wxt/utils/storage';

/** Where tier thresholds are stored (lib/settings.ts tierThresholdsItem); read here without the settings module, to keep the content script small. */
export const TIER_THRESHOLDS_KEY = 'local:tierThresholds';

/** Calls back whenever the manager saves new tier thresholds, until the signal aborts. */
export function watchTierThresholds(onChange: () => void, signal: AbortSignal): void {
  const unwatch = storage.watch<number[]>(TIER_THRESHOLDS_KEY, () => onChange());
  signal.addEventListener('abort', unwatch, { once: true });
}
