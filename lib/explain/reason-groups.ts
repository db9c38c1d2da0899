import type { Reason } from '../domain';
import { INDICATOR_BY_ID } from '../indicators/definitions';
import { INDICATOR_CATEGORIES, type IndicatorCategory } from '../indicators/types';
import { indicatorOfField } from './indicator-reasons';

export type ReasonGroupKey = IndicatorCategory | 'other';

/** The research category a reason belongs to (via the indicator it stands for), or 'other'. */
export function categoryOfReason(reason: Reason): ReasonGroupKey {
  const id = reason.indicator?.id ?? indicatorOfField(reason.field);
  return (id && INDICATOR_BY_ID.get(id)?.category) || 'other';
}

/**
 * Reasons grouped by the six categories, in the order of each group's
 * strongest reason (so the group that matters most comes first); reasons keep
 * their order inside a group.
 */
export function groupReasons(reasons: readonly Reason[]): { category: ReasonGroupKey; reasons: Reason[] }[] {
  const groups = new Map<ReasonGroupKey, Reason[]>();
  for (const reason of reasons) {
    const key = categoryOfReason(reason);
    const list = groups.get(key);
    if (list) list.push(reason);
    else groups.set(key, [reason]);
  }
  const strength = (list: Reason[]) => Math.max(...list.map((r) => Math.abs(r.contribution)));
  const order = [...INDICATOR_CATEGORIES, 'other'];
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => strength(b) - strength(a) || order.indexOf(ka) - order.indexOf(kb))
    .map(([category, list]) => ({ category, reasons: list }));
}
