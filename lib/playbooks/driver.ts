import type { Reason } from '../domain';
import { indicatorOfField } from '../explain/indicator-reasons';
import { INDICATOR_BY_ID } from '../indicators/definitions';
import type { IndicatorCategory } from '../indicators/types';

/** The indicator category of the strongest risk-raising reason (what the playbook's "driver" means), or null. */
export function topDriverCategory(reasons: readonly Reason[]): IndicatorCategory | null {
  let best: Reason | null = null;
  for (const reason of reasons) if (reason.contribution > 0 && (!best || reason.contribution > best.contribution)) best = reason;
  if (!best) return null;
  const id = best.indicator?.id ?? indicatorOfField(best.field);
  return (id && INDICATOR_BY_ID.get(id)?.category) || null;
}
