import type { RawFields } from '../domain';
import { computeIndicators, DEFAULT_INDICATOR_SETTINGS } from './index';
import type { IndicatorSettings, IndicatorValue } from './types';

/**
 * The indicators one record's current fields support, before any history
 * exists: computeIndicators on a history of just these fields. Kept for
 * callers that only have fields; they get the whole catalogue, with every
 * indicator that needs activities or observations marked not available.
 *
 * `asOf` is the CRM's today; without it, date-relative fields (customer
 * since, first and last purchase, last activity) are not read.
 */
export function computeSnapshotIndicators(
  fields: RawFields,
  asOf: number = Number.NaN,
  settings: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS,
): IndicatorValue[] {
  return computeIndicators({ asOf, fields, observations: [], activities: [] }, settings).values;
}
