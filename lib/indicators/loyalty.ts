/**
 * Loyalty: tenure, repeat purchases, contract length, auto-renewal,
 * referrals, engagement.
 *
 * Rules:
 *   tenure                months: the CRM's tenure field, else since its customer-since date, else since
 *                         the earlier of the first-purchase field and the first activity seen.
 *                         < 6 raises, ≥ 24 lowers.
 *   repeat_purchase_rate  30-day periods since the first order (first order ≥ 30 days ago) with ≥ 1 order,
 *                         over all such periods: ≥ 50 % lowers, ≤ 20 % raises. From the order summary
 *                         (lib/indicators/order-summary.ts): the order list, else the order-count and
 *                         first / last purchase fields when they settle the count of active periods.
 *   contract              months when the text says a length ("Month-to-month" = 1, "One year" = 12,
 *                         "24 months"); ≤ 1 raises, ≥ 12 lowers. Otherwise the text, by words: month → raises,
 *                         year / 年 → lowers.
 *   auto_renew            yes lowers, no raises.
 *   referrals             the CRM's count, else texts mentioning a referral: ≥ 1 lowers, 0 neutral.
 *   days_since_activity   latest of the last order / contact / ticket and the CRM's last-activity and
 *                         last-purchase fields:
 *                         reaching the churn definition's inactivity days, or more than W, raises; ≤ W/3 lowers.
 */
import { DAYS_PER_MONTH, parseDuration } from '../parse';
import { daysBefore, type IndicatorContext } from './context';
import { fieldMonths, fieldNumber, fieldWhen, fieldYesNo } from './field-values';
import { lastActivityAt } from './churn-labels';
import { activePeriods, orderSummary, PERIOD_DAYS, type OrderSummary } from './order-summary';
import { num, percentNumber, plural, round, type Reading, type Readings } from './reading';
import type { IndicatorDirection } from './types';

const MONTH_TO_MONTH = /month.?to.?month|monthly|按月|月付|月租|包月/i;

export function computeLoyalty(ctx: IndicatorContext, out: Readings, summary: OrderSummary = orderSummary(ctx)): void {
  const tenure = tenureReading(ctx);
  if (tenure) out.set('tenure', tenure);

  const repeat = repeatReading(ctx, summary);
  if (repeat) out.set('repeat_purchase_rate', repeat);

  const contract = contractReading(ctx.fields.contract);
  if (contract) out.set('contract', contract);

  const renewText = ctx.fields.auto_renew;
  const renews = fieldYesNo(renewText);
  if (renews !== null) {
    out.set('auto_renew', {
      value: renews ? 'yes' : 'no',
      display: renewText!.trim(),
      direction: renews ? 'lowers' : 'raises',
      meaning: renews ? { en: 'Renews automatically', zh: '已开启自动续费' } : { en: 'Does not renew automatically', zh: '未开启自动续费' },
    });
  }

  const referralText = ctx.fields.referrals;
  const referred = fieldNumber(referralText);
  if (referred !== null) {
    out.set('referrals', {
      value: referred,
      display: referralText!.trim(),
      direction: referred >= 1 ? 'lowers' : 'neutral',
      meaning: { en: `Referred ${plural(referred, 'customer')}`, zh: `推荐了${num(referred)}位客户` },
    });
  } else if (ctx.text.texts > 0) {
    const n = ctx.text.signals.referral;
    out.set('referrals', {
      value: n,
      display: plural(n, 'mention'),
      direction: n >= 1 ? 'lowers' : 'neutral',
      meaning:
        n === 0
          ? { en: `No referral mentioned in ${plural(ctx.text.texts, 'note')}`, zh: `${ctx.text.texts}条记录中未提到推荐` }
          : { en: `Referrals mentioned in ${plural(n, 'note')}`, zh: `${n}条记录提到推荐或转介绍` },
    });
  }

  const active = activityReading(ctx);
  if (active) out.set('days_since_activity', active);
}

/** Share of 30-day periods since the first order that have an order, once the first order is 30 days back. */
function repeatReading(ctx: IndicatorContext, summary: OrderSummary): Reading | undefined {
  const firstDays = summary.firstDays;
  if (firstDays === null || firstDays < PERIOD_DAYS) return undefined;
  const active = activePeriods(ctx, summary);
  if (active === null) return undefined;
  const periods = Math.floor(firstDays / PERIOD_DAYS) + 1;
  const rate = active / periods;
  return {
    value: round(rate, 3),
    display: `${percentNumber(rate)} % of months`,
    direction: rate >= 0.5 ? 'lowers' : rate <= 0.2 ? 'raises' : 'neutral',
    meaning: {
      en: `Bought in ${num(active)} of ${plural(periods, '30-day period')} since the first order`,
      zh: `首次购买以来${periods}个30天周期中有${active}个有购买`,
    },
  };
}

type TenureBasis = 'field' | 'customer_since' | 'first_purchase' | 'first_activity';

export interface Tenure {
  /** Months, one decimal. */
  months: number;
  /** Whole days (from dates; months × 30.4375 from a tenure field). */
  days: number;
  /** The CRM's own text when it came from the tenure field. */
  shown: string | null;
  basis: TenureBasis;
}

/** How long the customer has been one, and where the figure comes from, or null when nothing says. */
export function tenureMonths(ctx: IndicatorContext): Tenure | null {
  const text = ctx.fields.tenure_months;
  const fromField = fieldMonths(text);
  if (fromField !== null && fromField >= 0) {
    return { months: round(fromField, 1), days: Math.round(fromField * DAYS_PER_MONTH), shown: text!.trim(), basis: 'field' };
  }
  if (!ctx.asOfKnown) return null;
  const since = fieldWhen(ctx.fields.customer_since, ctx.asOf);
  let start = since !== null && since <= ctx.asOf ? since : null;
  let basis: TenureBasis = 'customer_since';
  if (start === null) {
    const purchase = fieldWhen(ctx.fields.first_purchase, ctx.asOf);
    const firstPurchase = purchase !== null && purchase <= ctx.asOf ? purchase : null;
    const activity = ctx.firstActivityAt;
    if (firstPurchase !== null && (activity === null || firstPurchase <= activity)) [start, basis] = [firstPurchase, 'first_purchase'];
    else if (activity !== null) [start, basis] = [activity, 'first_activity'];
    else return null;
  }
  const days = daysBefore(ctx, start);
  return { months: round(days / DAYS_PER_MONTH, 1), days, shown: null, basis };
}

const BASIS: Record<TenureBasis, { en: string; zh: string }> = {
  field: { en: '', zh: '' },
  customer_since: { en: ' (since the customer-since date)', zh: '（按注册日期）' },
  first_purchase: { en: ' (since the first purchase)', zh: '（按首次购买日期）' },
  first_activity: { en: ' (since the first activity seen)', zh: '（按最早的活动记录）' },
};

function tenureReading(ctx: IndicatorContext): Reading | undefined {
  const t = tenureMonths(ctx);
  if (!t) return undefined;
  const basis = BASIS[t.basis];
  const whole = Math.floor(t.months);
  const meaning =
    t.months >= 1
      ? { en: `Customer for ${plural(whole, 'month')}${basis.en}`, zh: `客户时长${whole}个月${basis.zh}` }
      : t.shown === null
        ? { en: `Customer for ${plural(t.days, 'day')}${basis.en}`, zh: `成为客户${t.days}天${basis.zh}` }
        : { en: 'Customer for less than a month', zh: '成为客户不足1个月' };
  return {
    value: t.months,
    display: t.shown ?? (t.months < 1 ? plural(t.days, 'day') : plural(whole, 'month')),
    direction: t.months < 6 ? 'raises' : t.months >= 24 ? 'lowers' : 'neutral',
    meaning,
  };
}

const CONTRACT_MONTHS = new Map<string, number | null>();

/** Contract length in months from its text, or null (memoised: a CRM has a handful of contract texts). */
export function contractMonths(text: string): number | null {
  const hit = CONTRACT_MONTHS.get(text);
  if (hit !== undefined) return hit;
  let months: number | null = 1;
  if (!MONTH_TO_MONTH.test(text)) {
    const r = parseDuration(text);
    months = r.ok && r.value.months > 0 ? Math.round(r.value.months) : null;
  }
  if (CONTRACT_MONTHS.size >= 1_000) CONTRACT_MONTHS.clear();
  CONTRACT_MONTHS.set(text, months);
  return months;
}

function contractReading(text: string | undefined): Reading | undefined {
  if (text === undefined) return undefined;
  const shown = text.trim();
  const months = contractMonths(shown);
  if (months !== null) {
    const direction: IndicatorDirection = months <= 1 ? 'raises' : months >= 12 ? 'lowers' : 'neutral';
    return {
      value: months,
      display: shown,
      direction,
      meaning:
        months <= 1
          ? { en: 'Month-to-month contract: free to leave any month', zh: '按月合同：每月都可以离开' }
          : { en: `Contract of ${plural(months, 'month')}`, zh: `${months}个月合同` },
    };
  }
  return {
    value: shown,
    display: shown,
    direction: /month|按月|月付/i.test(shown) ? 'raises' : /year|年/i.test(shown) ? 'lowers' : 'neutral',
    meaning: { en: `Contract: ${shown}`, zh: `合同：${shown}` },
  };
}

function activityReading(ctx: IndicatorContext): Reading | undefined {
  if (!ctx.asOfKnown) return undefined;
  const last = lastActivityAt(ctx);
  if (last === null) return undefined;
  const days = daysBefore(ctx, last);
  const W = ctx.windowDays;
  const limit = ctx.settings.churn.inactivityDays;
  return {
    value: days,
    display: plural(days, 'day'),
    direction: (limit !== null && days >= limit) || days > W ? 'raises' : days <= W / 3 ? 'lowers' : 'neutral',
    meaning:
      days === 0
        ? { en: 'Active today (order, contact or ticket)', zh: '今天有互动（购买、联系或工单）' }
        : { en: `Last order, contact or ticket ${plural(days, 'day')} ago`, zh: `最近一次互动（购买、联系或工单）在${days}天前` },
  };
}
