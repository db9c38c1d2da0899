/**
 * Market competition: competitor and switching talk, price sensitivity.
 *
 * Rules (texts = notes, tickets, contacts and payment texts; lib/indicators/text-signals.ts):
 *   competitor_mentions  texts naming a competitor from settings.competitors or talking about switching:
 *                        ≥ 1 raises, 0 neutral. Available once there is at least one text.
 *   discount_requests    texts asking for a discount or calling the price too high: ≥ 1 raises, 0 neutral.
 *   current_discount     the CRM's discount field as a fraction (a percentage, or a number in (0, 1]);
 *                        neutral context. "10" without "%" is not read (10 % or 10 off?).
 */
import { fieldNumberKind } from './field-values';
import type { IndicatorContext } from './context';
import { num, percentNumber, plural, round, verb, type Readings } from './reading';

export function computeCompetition(ctx: IndicatorContext, out: Readings): void {
  const texts = ctx.text.texts;
  if (texts > 0) {
    const { rival, discount, names } = ctx.text.signals;
    const who = names.length > 0 ? ` (${names.join(', ')})` : '';
    const whoZh = names.length > 0 ? `（${names.join('、')}）` : '';
    out.set('competitor_mentions', {
      value: rival,
      display: rival === 0 ? '0 mentions' : `${plural(rival, 'mention')}${names.length > 0 ? `: ${names.join(', ')}` : ''}`,
      direction: rival >= 1 ? 'raises' : 'neutral',
      meaning:
        rival === 0
          ? { en: `No competitor or switching talk in ${plural(texts, 'note')}`, zh: `${texts}条记录中未提到竞争对手或更换供应商` }
          : {
              en: `${plural(rival, 'note')} ${verb(rival, 'mentions', 'mention')} competitors${who} or switching`,
              zh: `${rival}条记录提到竞争对手${whoZh}或更换供应商`,
            },
    });
    out.set('discount_requests', {
      value: discount,
      display: plural(discount, 'request'),
      direction: discount >= 1 ? 'raises' : 'neutral',
      meaning:
        discount === 0
          ? { en: `No discount requests in ${plural(texts, 'note')}`, zh: `${texts}条记录中没有折扣诉求` }
          : {
              en: `${plural(discount, 'note')} ${verb(discount, 'asks', 'ask')} for a discount or ${verb(discount, 'finds', 'find')} the price too high`,
              zh: `${discount}条记录要求折扣或嫌价格高`,
            },
    });
  }

  const text = ctx.fields.discount;
  const n = fieldNumberKind(text);
  if (n) {
    // lib/parse reads "10 %" as the fraction 0.1.
    const fraction = n.percent || (n.value > 0 && n.value <= 1) ? n.value : null;
    if (fraction !== null && fraction >= 0 && fraction <= 1) {
      out.set('current_discount', {
        value: round(fraction, 4),
        display: text!.trim(),
        direction: 'neutral',
        meaning:
          fraction === 0
            ? { en: 'No current discount', zh: '当前没有折扣' }
            : { en: `Currently on a ${percentNumber(fraction)} % discount`, zh: `当前享受${num(fraction * 100, 1)}%折扣` },
      });
    }
  }
}
