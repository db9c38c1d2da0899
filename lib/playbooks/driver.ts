import type { CustomerScore, Reason } from '../domain';
import { indicatorOfField } from '../explain/indicator-reasons';
import { INDICATOR_BY_ID } from '../indicators/definitions';
import type { IndicatorCategory, IndicatorResult } from '../indicators/types';
import type { PlaybookContext } from './types';

/** The indicator category of the strongest risk-raising reason (what the playbook's "driver" means), or null. */
export function topDriverCategory(reasons: readonly Reason[]): IndicatorCategory | null {
  let best: Reason | null = null;
  for (const reason of reasons) if (reason.contribution > 0 && (!best || reason.contribution > best.contribution)) best = reason;
  if (!best) return null;
  const id = best.indicator?.id ?? indicatorOfField(best.field);
  return (id && INDICATOR_BY_ID.get(id)?.category) || null;
}

/** What the playbook's rules look at for a customer. */
export function scriptContext(tier: CustomerScore['tier'], reasons: readonly Reason[], indicators: IndicatorResult | null): PlaybookContext {
  return { tier, pattern: indicators?.pattern.value ?? null, lifecycle: indicators?.lifecycle.value ?? null, driver: topDriverCategory(reasons) };
}
