/**
 * Customer characteristics: lifecycle stage, segment, region, age band,
 * senior, preferred product. All neutral: they are features for the model
 * and context for people, never blame.
 *
 * Rules:
 *   lifecycle_stage  the stage from lib/indicators/lifecycle-stage.ts, with its reason.
 *   segment, region  the CRM's text.
 *   age_band         the CRM's age (0–120) as under 18, 18–24, 25–34, 35–44, 45–54, 55–64, 65+.
 *   senior           yes / no.
 *   top_product      the order text (product or category) on most orders, ties to the most recent;
 *                    needs two orders with a text.
 */
import { fieldNumber, fieldYesNo } from './field-values';
import type { IndicatorContext } from './context';
import { plural, type Readings } from './reading';
import type { Classified, LifecycleStage } from './types';

const STAGE_ZH: Record<LifecycleStage, string> = { new: '新客', growth: '成长期', mature: '成熟期', decline: '衰退期', churned: '已流失' };

export function ageBand(age: number): string | null {
  if (!Number.isFinite(age) || age < 0 || age > 120) return null;
  if (age < 18) return 'under 18';
  if (age >= 65) return '65+';
  const bands: [number, number][] = [
    [18, 24],
    [25, 34],
    [35, 44],
    [45, 54],
    [55, 64],
  ];
  const [lo, hi] = bands.find(([, top]) => age < top + 1)!;
  return `${lo}–${hi}`;
}

export function computeCharacteristics(ctx: IndicatorContext, lifecycle: Classified<LifecycleStage>, out: Readings): void {
  if (lifecycle.value !== null && lifecycle.why) {
    out.set('lifecycle_stage', {
      value: lifecycle.value,
      display: lifecycle.value,
      direction: 'neutral',
      meaning: { en: `Lifecycle stage ${lifecycle.value}: ${lifecycle.why.en}`, zh: `生命周期：${STAGE_ZH[lifecycle.value]}（${lifecycle.why.zh}）` },
    });
  }

  crmText(ctx, out, 'segment', 'Segment', '客户分群');
  crmText(ctx, out, 'region', 'Region', '地区');

  const age = fieldNumber(ctx.fields.age);
  const band = age === null ? null : ageBand(age);
  if (band !== null) {
    const zh = band === 'under 18' ? '18岁以下' : band === '65+' ? '65岁及以上' : `${band}岁`;
    out.set('age_band', { value: band, display: band, direction: 'neutral', meaning: { en: `Age band ${band}`, zh: `年龄段${zh}` } });
  }

  const seniorText = ctx.fields.senior;
  const senior = fieldYesNo(seniorText);
  if (senior !== null) {
    out.set('senior', {
      value: senior ? 'yes' : 'no',
      display: seniorText!.trim(),
      direction: 'neutral',
      meaning: senior ? { en: 'Senior citizen', zh: '老年客户' } : { en: 'Not a senior citizen', zh: '非老年客户' },
    });
  }

  let named = 0;
  let top: { count: number; lastAt: number; text: string } | null = null;
  for (const p of ctx.productCounts.values()) {
    named += p.count;
    if (!top || p.count > top.count || (p.count === top.count && p.lastAt > top.lastAt)) top = p;
  }
  if (top && named >= 2) {
    out.set('top_product', {
      value: top.text,
      display: top.text,
      direction: 'neutral',
      meaning: {
        en: `Buys ${top.text} most often (${top.count} of ${plural(named, 'order')})`,
        zh: `最常购买：${top.text}（${named}单中${top.count}单）`,
      },
    });
  }
}

function crmText(ctx: IndicatorContext, out: Readings, id: 'segment' | 'region', en: string, zh: string): void {
  const raw = ctx.fields[id];
  if (raw === undefined) return;
  const shown = raw.trim();
  out.set(id, { value: shown, display: shown, direction: 'neutral', meaning: { en: `${en}: ${shown}`, zh: `${zh}：${shown}` } });
}
