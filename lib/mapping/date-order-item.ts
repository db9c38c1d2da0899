import { storage } from 'wxt/utils/storage';
import type { SiteKey } from '../domain';
import type { DayMonthOrder } from '../parse/date-order';

/** Sites where the manager set how numeric dates are written, m/d or d/m (absent: inferred per page, lib/adapters/dates.ts). */
export const dateOrderItem = storage.defineItem<Record<SiteKey, DayMonthOrder>>('local:siteDateOrder', {
  fallback: {},
  version: 1,
});
