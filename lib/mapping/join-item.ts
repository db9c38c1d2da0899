import { storage } from 'wxt/utils/storage';
import type { LocalValue } from '../storage-reader';
import { JOIN_BY_KEY } from './site-setting-keys';

/** Sites where the manager chose to join customers by e-mail or company domain (absent: by the CRM's own id). */
export const joinByItem = storage.defineItem<LocalValue<typeof JOIN_BY_KEY>>(JOIN_BY_KEY, {
  fallback: {},
  version: 1,
});
