import { storage } from 'wxt/utils/storage';
import type { LocalValue } from '../storage-reader';
import { DATE_ORDER_KEY } from './site-setting-keys';

/** Sites where the manager set how numeric dates are written, m/d or d/m (absent: inferred per page, lib/adapters/dates.ts). */
export const dateOrderItem = storage.defineItem<LocalValue<typeof DATE_ORDER_KEY>>(DATE_ORDER_KEY, {
  fallback: {},
  version: 1,
});
