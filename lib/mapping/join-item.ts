import { storage } from 'wxt/utils/storage';
import type { JoinBy } from '../adapters/generic/identity';
import type { SiteKey } from '../domain';

/** Sites where the manager chose to join customers by e-mail or company domain (absent: by the CRM's own id). */
export const joinByItem = storage.defineItem<Record<SiteKey, JoinBy>>('local:siteJoinBy', {
  fallback: {},
  version: 1,
});
