/**
 * Churn labels from the manager's ChurnDefinition: the one rule set used
 * wherever a label is needed (training rows, KPIs, lifecycle, patterns).
 *
 * Rules, in this order (the first that fires is the label's rule):
 *  1. status      the CRM's status field equals one of definition.statusValues
 *                 (trimmed, case-insensitive, spaces collapsed; whole value, so
 *                 "Inactive" never matches "Active") → complete churn.
 *  2. inactivity  definition.inactivityDays is set and the last order, contact
 *                 or ticket (or the CRM's last-activity or last-purchase
 *                 date, whichever is latest) is at least that many days before asOf → complete
 *                 churn. No such date known → the rule cannot fire.
 *  3. partial_spend_drop  definition.partialSpendDrop is set, every order in
 *                 the recent and the earlier window (definition.windowDays)
 *                 has an amount, the history reaches back before the recent
 *                 window, the earlier window's spend is > 0 and the recent
 *                 window's spend is ≤ (1 − partialSpendDrop) × the earlier
 *                 one → partial churn.
 * `evaluable` says whether any rule could be checked at all (a customer
 * with no status, no dates and no amounts is unknown, not "retained").
 */
import { prepareContext, hasEarlierWindow, daysBefore, type IndicatorContext } from './context';
import { fieldWhen } from './field-values';
import { movedEn, movedZh, percentNumber, plural } from './reading';
import type { Bilingual, ChurnDefinition, CustomerHistory } from './types';

type ChurnRule = 'status' | 'inactivity' | 'partial_spend_drop';

export interface ChurnLabel {
  /** Any rule fired (complete or partial churn). */
  churned: boolean;
  kind: 'complete' | 'partial' | null;
  rule: ChurnRule | null;
  /** What fired, in words; null when nothing fired. */
  why: Bilingual | null;
  /** At least one rule could be checked on this history. */
  evaluable: boolean;
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Normalised status values per definition list (normalised once, not per customer). */
const STATUS_SETS = new WeakMap<readonly string[], Set<string>>();
function statusSet(values: readonly string[]): Set<string> {
  let set = STATUS_SETS.get(values);
  if (!set) STATUS_SETS.set(values, (set = new Set(values.map(normalize))));
  return set;
}

export function churnLabel(history: CustomerHistory, definition: ChurnDefinition): ChurnLabel {
  return labelFromContext(prepareContext(history, { churn: definition, competitors: [] }));
}

/** Complete or partial churn under the definition. */
export function isChurned(history: CustomerHistory, definition: ChurnDefinition): boolean {
  return churnLabel(history, definition).churned;
}

/** The last order / contact / ticket or the CRM's last-activity or last-purchase date, whichever is latest (≤ asOf). */
export function lastActivityAt(ctx: IndicatorContext): number | null {
  const last = ctx.lastEngagementAt;
  if (!ctx.asOfKnown) return last;
  return laterField(ctx, laterField(ctx, last, ctx.fields.last_activity), ctx.fields.last_purchase);
}

function laterField(ctx: IndicatorContext, last: number | null, text: string | undefined): number | null {
  const fromField = fieldWhen(text, ctx.asOf);
  return fromField !== null && fromField <= ctx.asOf && (last === null || fromField > last) ? fromField : last;
}

/** The label from an already prepared history (the context's windows are the definition's). */
export function labelFromContext(ctx: IndicatorContext): ChurnLabel {
  const definition = ctx.settings.churn;
  let evaluable = false;

  const status = ctx.fields.status;
  if (status !== undefined && definition.statusValues.length > 0) {
    evaluable = true;
    const s = normalize(status);
    if (statusSet(definition.statusValues).has(s)) {
      const shown = status.trim();
      return fired('complete', 'status', { en: `Status is "${shown}"`, zh: `状态为“${shown}”` });
    }
  }

  const limit = definition.inactivityDays;
  const last = lastActivityAt(ctx);
  if (limit !== null && last !== null && ctx.asOfKnown) {
    evaluable = true;
    const days = daysBefore(ctx, last);
    if (days >= limit) {
      return fired('complete', 'inactivity', {
        en: `No order, contact or ticket for ${plural(days, 'day')} (limit ${limit})`,
        zh: `已${days}天没有购买、联系或工单（上限${limit}天）`,
      });
    }
  }

  const drop = definition.partialSpendDrop;
  const { recent, earlier } = ctx;
  if (drop !== null && hasEarlierWindow(ctx) && recent.amountOrders === recent.orders && earlier.amountOrders === earlier.orders && earlier.spend > 0) {
    evaluable = true;
    if (recent.spend <= (1 - drop) * earlier.spend) {
      const c = (recent.spend - earlier.spend) / earlier.spend;
      const W = definition.windowDays;
      return fired('partial', 'partial_spend_drop', {
        en: `Spend ${movedEn(c)} over the last ${W} days vs the ${W} days before (partial churn from ${percentNumber(drop)} %)`,
        zh: `近${W}天消费较前${W}天${movedZh(c)}（部分流失阈值${percentNumber(drop)}%）`,
      });
    }
  }

  return { churned: false, kind: null, rule: null, why: null, evaluable };
}

function fired(kind: 'complete' | 'partial', rule: ChurnRule, why: Bilingual): ChurnLabel {
  return { churned: true, kind, rule, why, evaluable: true };
}
