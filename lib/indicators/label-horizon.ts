/**
 * Until when a churn label stays what it is while time passes and the
 * history does not change: the earliest moment any rule of the definition
 * could read differently (lib/indicators/churn-labels.ts). A stored label is
 * reused until then instead of being worked out again every day.
 *
 * The moments (each only when later than asOf):
 * - a dated activity not yet in the history enters it;
 * - inactivity: the last engagement becomes `inactivityDays` old; a date
 *   field (last activity, last purchase) enters when its date comes; a date
 *   written relative to today ("3 days ago", a day without a year) moves
 *   with asOf, so such a label holds until the next day only;
 * - partial spend drop: an order leaves the recent window (+W) or the
 *   earlier one (+2W), and the history starts to reach back a window.
 * A status label holds for ever: the status rule is read first and does
 * not look at dates.
 */
import { DAY_MS, type IndicatorContext } from './context';
import { lastActivityAt, type ChurnLabel } from './churn-labels';
import { fieldWhen } from './field-values';

/** Far enough ahead that a date inferred without a year would change. */
const YEAR_AHEAD = 366 * DAY_MS;

export function labelStableUntil(ctx: IndicatorContext, label: Pick<ChurnLabel, 'rule'>): number {
  if (!ctx.asOfKnown || label.rule === 'status') return Number.POSITIVE_INFINITY;
  const { asOf, windowMs } = ctx;
  const definition = ctx.settings.churn;
  let until = Number.POSITIVE_INFINITY;
  const consider = (at: number) => {
    if (at > asOf && at < until) until = at;
  };
  for (const activity of ctx.history.activities) consider(activity.at);
  if (definition.inactivityDays !== null) {
    const last = lastActivityAt(ctx);
    if (last !== null) consider(last + definition.inactivityDays * DAY_MS);
    for (const text of [ctx.fields.last_activity, ctx.fields.last_purchase]) {
      const when = fieldWhen(text, asOf);
      if (when === null) continue;
      if (fieldWhen(text, asOf + YEAR_AHEAD) !== when) consider((Math.floor(asOf / DAY_MS) + 1) * DAY_MS);
      else consider(when);
    }
  }
  if (definition.partialSpendDrop !== null) {
    if (ctx.firstActivityAt !== null) consider(ctx.firstActivityAt + windowMs);
    for (const order of ctx.orders) {
      consider(order.at + windowMs);
      consider(order.at + 2 * windowMs);
    }
  }
  return until;
}
