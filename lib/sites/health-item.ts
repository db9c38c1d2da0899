import { storage } from 'wxt/utils/storage';
import type { SiteKey } from '../domain';
import type { SiteHealth } from './health';

/** Adapter health per site (lib/sites/health.ts); kept across restarts so "used to yield customers" survives. */
export const healthItem = storage.defineItem<Record<SiteKey, SiteHealth>>('local:siteHealth', {
  fallback: {},
  version: 1,
});
