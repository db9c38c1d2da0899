import { describe, expect, it } from 'vitest';
import { indicatorOfField, nameReasons } from '@/lib/explain/indicator-reasons';
import { reasonSentence, type Translate } from '@/lib/explain/reason-text';
import type { IndicatorResult, IndicatorValue } from '@/lib/indicators/types';

const value = (id: string, v: number | string | null, display: string | null, meaning: IndicatorValue['meaning'] = null): IndicatorValue => ({
  id,
  category: 'consumption',
  value: v,
  display,
  direction: 'neutral',
  meaning,
});
const result = (values: IndicatorValue[]): IndicatorResult => ({ values, lifecycle: { value: null, why: null }, pattern: { value: null, why: null } });

describe('reasons named by indicators', () => {
  it('maps model inputs to the indicators they stand for', () => {
    expect(indicatorOfField('ind:spend_trend')).toBe('spend_trend');
    expect(indicatorOfField('tenure')).toBe('tenure');
    expect(indicatorOfField('MonthlyCharges')).toBe('monthly_value');
    expect(indicatorOfField('gender')).toBeUndefined();
  });

  it('gives an indicator reason its display value and meaning, and leaves the others alone', () => {
    const meaning = { en: 'Spend down 40 % over the last 90 days', zh: '近90天消费下降40%' };
    const named = nameReasons(
      [
        { field: 'ind:spend_trend', value: '-0.51', contribution: 1.1 },
        { field: 'gender', value: 'Male', contribution: 0.01 },
        { field: 'ind:recency_days', value: '3.2', contribution: 0.5 },
      ],
      result([value('spend_trend', -0.4, '−40 % over 90 days', meaning), value('recency_days', null, null)]),
    );
    expect(named[0]).toEqual({
      field: 'ind:spend_trend',
      value: '−40 % over 90 days',
      contribution: 1.1,
      indicator: { id: 'spend_trend', label: expect.objectContaining({ en: expect.any(String) }), meaning },
    });
    expect(named[1]).toEqual({ field: 'gender', value: 'Male', contribution: 0.01 });
    // Not available: nothing to say about it, the reason stays as the model gave it.
    expect(named[2]).toEqual({ field: 'ind:recency_days', value: '3.2', contribution: 0.5 });
    expect(nameReasons(named, null)).toEqual(named);
  });

  it('says the meaning in the language of the messages shown', () => {
    const table: Record<string, string> = { 'common.intlLocale': 'zh-CN', 'reason.plain.raises.strong': '$1 —— 显著提高风险' };
    const zh: Translate = (key, subs = []) => (table[key] ?? '').replace('$1', subs[0] ?? '');
    const reason = {
      field: 'ind:spend_trend',
      value: 'x',
      contribution: 1.2,
      indicator: { id: 'spend_trend', label: { en: 'Spend trend', zh: '消费趋势' }, meaning: { en: 'Spend down', zh: '消费下降' } },
    };
    expect(reasonSentence(reason, zh)).toBe('消费下降 —— 显著提高风险');
  });
});
