/**
 * Satisfaction: tickets and complaints, open tickets, CSAT / NPS fields,
 * tone of notes and tickets, support services.
 *
 * Rules:
 *   ticket_count        the CRM's ticket count, else tickets seen (known when the CRM listed tickets):
 *                       ≥ 3 raises, 0 lowers.
 *   tickets_recent      tickets in the recent window: more than the window before (trend up) or ≥ 2 raises,
 *                       0 lowers.
 *   unresolved_tickets  tickets with an open/pending status among those with a readable status: ≥ 1 raises,
 *                       0 lowers.
 *   csat                read on the smallest usual scale that holds it (a percentage, else 5, 10, 100):
 *                       < 60 % of the scale raises, ≥ 80 % lowers. Above 100 → not available.
 *   nps                 the 0–10 answer: ≤ 6 raises (detractor), ≥ 9 lowers (promoter). Outside 0–10 → not
 *                       available (a company-level NPS is not one customer's answer).
 *   sentiment           (positive − negative) / (positive + negative) opinion words over notes, tickets and
 *                       contacts (lib/indicators/sentiment.ts), 0 when none: ≤ −0.25 raises, ≥ +0.25 lowers.
 *                       Trend: recent-window texts vs earlier-window texts, ±0.2.
 *   tech_support, online_security   yes lowers, no raises.
 */
import { fieldNumber, fieldNumberKind, fieldYesNo } from './field-values';
import { hasEarlierWindow, type IndicatorContext } from './context';
import { countTrend, num, plural, round, type Reading, type Readings } from './reading';
import type { IndicatorTrend } from './types';

export function computeSatisfaction(ctx: IndicatorContext, out: Readings): void {
  const ticketsKnown = ctx.tickets > 0 || ctx.known.has('ticket');
  const countText = ctx.fields.tickets;
  const fieldCount = fieldNumber(countText);
  const count = fieldCount ?? (ticketsKnown ? ctx.tickets : null);
  if (count !== null) {
    out.set('ticket_count', {
      value: count,
      display: fieldCount !== null ? countText!.trim() : plural(count, 'ticket'),
      direction: count >= 3 ? 'raises' : count === 0 ? 'lowers' : 'neutral',
      meaning: { en: `${plural(count, 'support ticket')} so far`, zh: `累计${num(count)}个工单` },
    });
  }

  if (ticketsKnown && ctx.asOfKnown) {
    const W = ctx.windowDays;
    const { recent, earlier } = ctx;
    const comparable = hasEarlierWindow(ctx);
    const trend = comparable ? countTrend(earlier.tickets, recent.tickets) : null;
    out.set('tickets_recent', {
      value: recent.tickets,
      display: `${num(recent.tickets)} in ${W} days`,
      direction: trend === 'up' || recent.tickets >= 2 ? 'raises' : recent.tickets === 0 ? 'lowers' : 'neutral',
      trend,
      meaning: comparable
        ? {
            en: `${plural(recent.tickets, 'ticket')} in the last ${W} days (${num(earlier.tickets)} in the ${W} days before)`,
            zh: `近${W}天${recent.tickets}个工单（前${W}天${earlier.tickets}个）`,
          }
        : { en: `${plural(recent.tickets, 'ticket')} in the last ${W} days`, zh: `近${W}天${recent.tickets}个工单` },
    });
  }

  if (ctx.ticketsWithStatus > 0) {
    const open = ctx.unresolvedTickets;
    const of = ctx.ticketsWithStatus;
    out.set('unresolved_tickets', {
      value: open,
      display: `${num(open)} open`,
      direction: open >= 1 ? 'raises' : 'lowers',
      meaning:
        open === 0
          ? { en: `All ${plural(of, 'ticket')} resolved`, zh: `${of}个工单均已解决` }
          : { en: `${num(open)} of ${plural(of, 'ticket')} still open`, zh: `${of}个工单中${open}个未解决` },
    });
  }

  const csat = readCsat(ctx.fields.csat);
  if (csat) out.set('csat', csat);
  const nps = readNps(ctx.fields.nps);
  if (nps) out.set('nps', nps);

  if (ctx.text.scored > 0) out.set('sentiment', sentimentReading(ctx));

  service(ctx, out, 'tech_support', 'tech support', '技术支持');
  service(ctx, out, 'online_security', 'online security', '网络安全服务');
}

function service(ctx: IndicatorContext, out: Readings, id: 'tech_support' | 'online_security', en: string, zh: string): void {
  const text = ctx.fields[id];
  const yes = fieldYesNo(text);
  if (yes === null) return;
  out.set(id, {
    value: yes ? 'yes' : 'no',
    display: text!.trim(),
    direction: yes ? 'lowers' : 'raises',
    meaning: yes ? { en: `Has ${en}`, zh: `已开通${zh}` } : { en: `No ${en}`, zh: `未开通${zh}` },
  });
}

/** CSAT as a fraction of its scale ("4.5" → 0.9 of 5, "85 %" → 0.85), or null when no usual scale holds it. */
export function csatShare(value: number, percent: boolean): { share: number; scale: string } | null {
  if (value < 0) return null;
  // lib/parse reads "85 %" as the fraction 0.85.
  if (percent) return value <= 1 ? { share: value, scale: '%' } : null;
  for (const scale of [5, 10, 100]) if (value <= scale) return { share: value / scale, scale: String(scale) };
  return null;
}

function readCsat(text: string | undefined): Reading | undefined {
  const n = fieldNumberKind(text);
  if (!n) return undefined;
  const read = csatShare(n.value, n.percent);
  if (!read) return undefined;
  const shown = text!.trim();
  const of = read.scale === '%' ? '' : ` out of ${read.scale}`;
  const ofZh = read.scale === '%' ? '' : `（满分${read.scale}）`;
  return {
    value: n.value,
    display: shown,
    direction: read.share < 0.6 ? 'raises' : read.share >= 0.8 ? 'lowers' : 'neutral',
    meaning: { en: `Satisfaction ${shown}${of}`, zh: `满意度${shown}${ofZh}` },
  };
}

function readNps(text: string | undefined): Reading | undefined {
  const n = fieldNumber(text);
  if (n === null || n < 0 || n > 10) return undefined;
  const [en, zh] = n <= 6 ? ['detractor', '贬损者'] : n >= 9 ? ['promoter', '推荐者'] : ['passive', '中立者'];
  return {
    value: n,
    display: `${num(n, 1)}/10`,
    direction: n <= 6 ? 'raises' : n >= 9 ? 'lowers' : 'neutral',
    meaning: { en: `Likelihood to recommend ${num(n, 1)}/10 (${en})`, zh: `推荐意愿${num(n, 1)}分（${zh}）` },
  };
}

function sentimentReading(ctx: IndicatorContext): Reading {
  const { positive, negative, scored } = ctx.text;
  const hits = positive + negative;
  const score = hits === 0 ? 0 : (positive - negative) / hits;
  const value = round(score, 2);
  const [en, zh] = value <= -0.25 ? ['negative', '负面'] : value >= 0.25 ? ['positive', '正面'] : ['neutral', '中性'];
  const signed = value > 0 ? `+${value.toFixed(2)}` : value < 0 ? `\u2212${(-value).toFixed(2)}` : '0.00';
  let trend: IndicatorTrend | null = null;
  const r = ctx.recent;
  const e = ctx.earlier;
  if (r.positive + r.negative > 0 && e.positive + e.negative > 0) {
    const diff = (r.positive - r.negative) / (r.positive + r.negative) - (e.positive - e.negative) / (e.positive + e.negative);
    trend = diff > 0.2 ? 'up' : diff < -0.2 ? 'down' : 'flat';
  }
  return {
    value,
    display: `${en} (${signed})`,
    direction: value <= -0.25 ? 'raises' : value >= 0.25 ? 'lowers' : 'neutral',
    trend,
    meaning:
      hits === 0
        ? { en: `No opinion words in ${plural(scored, 'note or ticket', 'notes and tickets')}`, zh: `${scored}条备注与工单中没有明显的情绪词` }
        : {
            en: `Notes and tickets read ${en}: ${num(positive)} positive vs ${num(negative)} negative phrases in ${plural(scored, 'text')}`,
            zh: `备注与工单语气${zh}：${scored}条文本中正面${positive}处、负面${negative}处`,
          },
  };
}
