import { localKey, localReader } from '../storage-reader';

/** Where tier thresholds are stored (lib/settings.ts tierThresholdsItem); read here without the settings module, to keep the content script small. */
export const TIER_THRESHOLDS_KEY = localKey<number[]>('local:tierThresholds');

/** Calls back whenever the manager saves new tier thresholds, until the signal aborts. */
export function watchTierThresholds(onChange: () => void, signal: AbortSignal): void {
  const unwatch = localReader(TIER_THRESHOLDS_KEY).watch(() => onChange());
  signal.addEventListener('abort', () => unwatchIfAlive(unwatch), { once: true });
}

/**
 * Stops a storage watch when a content script ends. After an extension update
 * the old copy has no `browser.storage` any more (wxt/storage then throws
 * "You must add the 'storage' permission…"), and its listeners went with it:
 * there is nothing left to remove, and nothing to report.
 */
export function unwatchIfAlive(unwatch: () => void): void {
  try {
    unwatch();
  } catch {
    // the extension's APIs are gone with its context
  }
}
