import { describe, expect, it } from 'vitest';
import { computeSnapshotIndicators } from '@/lib/indicators/snapshot-indicators';
import { INDICATOR_CATEGORIES } from '@/lib/indicators/types';

const byId = (fields: Record<string, string>) => Object.fromEntries(computeSnapshotIndicators(fields).map((i) => [i.id, i]));

describe('snapshot indicators', () => {
  it('covers all six categories', () => {
    const categories = new Set(computeSnapshotIndicators({}).map((i) => i.category));
    expect([...categories].sort()).toEqual([...INDICATOR_CATEGORIES].sort());
  });

  it('marks everything not available on an empty record instead of inventing values', () => {
    for (const indicator of computeSnapshotIndicators({})) {
      expect(indicator.value).toBeNull();
      expect(indicator.display).toBeNull();
    }
  });

  it('reads demo CRM text in English', () => {
    const result = byId({ tenure: '2 months', Contract: 'Month-to-month', MonthlyCharges: '$70.35', TechSupport: 'No', PaymentMethod: 'Electronic check' });
    expect(result.tenure).toMatchObject({ value: 2, direction: 'raises', display: '2 months' });
    expect(result.contract).toMatchObject({ direction: 'raises' });
    expect(result.monthly_value).toMatchObject({ value: 70.35, direction: 'neutral' });
    expect(result.tech_support).toMatchObject({ value: 'no', direction: 'raises' });
    expect(result.payment_method).toMatchObject({ direction: 'raises' });
  });

  it('reads Chinese labels and values', () => {
    const result = byId({ 在网时长: '36 个月', 合同类型: 'Two year', 技术支持: '是', 支付方式: 'Bank transfer (automatic)' });
    expect(result.tenure).toMatchObject({ value: 36, direction: 'lowers' });
    expect(result.contract).toMatchObject({ direction: 'lowers' });
    expect(result.tech_support).toMatchObject({ value: 'yes', direction: 'lowers' });
    expect(result.payment_method).toMatchObject({ direction: 'lowers' });
  });

  it('reports unparseable text as not available', () => {
    expect(byId({ tenure: 'a while' }).tenure!.value).toBeNull();
  });
});
