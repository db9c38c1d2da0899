/**
 * The label-free model of one site: BG/NBD fitted on the purchase histories
 * its customers show (pure; the background decides when to refit).
 */
import type { BgNbdSpec } from '../artifact-schema';
import type { RawRow } from '../types';
import { fitBgNbd, type BgNbdParams } from './bgnbd';
import { completeHistory, imputedAge, partialHistory, type PartialHistory } from './purchase-inputs';

/**
 * Below this many purchase histories the likelihood is too flat to trust a
 * fit (four parameters): the published CDNOW fit is used instead, its rate
 * scale α converted from weeks to days. A ranking by recency and frequency
 * under a sensible prior is still a ranking.
 */
export const MIN_CUSTOMERS_TO_FIT = 20;
/** Fader, Hardie & Lee 2005, CDNOW (weeks) → days: α × 7. */
export const PRIOR_PARAMS: BgNbdParams = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
};

export interface SiteFit {
  spec: BgNbdSpec;
  /** False: too few histories, the prior parameters are used. */
  fitted: boolean;
}

/** Null when no row is a purchase history (the site shows no orders and no recency). */
export function fitSite(rows: readonly RawRow[], horizonDays: number): SiteFit | null {
  const partials = rows.map(partialHistory).filter((p): p is PartialHistory => p !== null);
  if (!partials.length) return null;
  const imputedT = imputedAge(partials);
  const histories = partials.map((p) => completeHistory(p, imputedT));
  const fitted = histories.length >= MIN_CUSTOMERS_TO_FIT;
  const params = fitted ? fitBgNbd(histories).params : PRIOR_PARAMS;
  const x = median(histories.map((h) => h.x));
  const silence = median(histories.map((h) => h.T - h.tx));
  const T = Math.max(silence, median(histories.map((h) => h.T)));
  return {
    spec: { params, horizonDays, imputedT, typical: { x, tx: x === 0 ? 0 : T - silence, T }, customers: histories.length },
    fitted,
  };
}
