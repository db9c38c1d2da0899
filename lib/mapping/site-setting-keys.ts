import type { JoinBy } from '../adapters/generic/identity';
import type { SiteKey } from '../domain';
import type { DayMonthOrder } from '../parse/date-order';
import { localKey } from '../storage-reader';

/** Where the per-site settings live: the items (written by Options) and the content script's readers share these keys. */
export const JOIN_BY_KEY = localKey<Record<SiteKey, JoinBy>>('local:siteJoinBy');
export const DATE_ORDER_KEY = localKey<Record<SiteKey, DayMonthOrder>>('local:siteDateOrder');
