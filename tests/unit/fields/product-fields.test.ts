import { describe, expect, it } from 'vitest';
import { normalizeLabel, PRODUCT_FIELD_SYNONYMS, productFieldOf, readProductField } from '@/lib/fields/product-fields';

describe('product fields', () => {
  it('recognises labels in English, Chinese and CRM API names, ignoring case and punctuation', () => {
    expect(productFieldOf('Monthly fee')).toBe('monthly_value');
    expect(productFieldOf('monthly_fee:')).toBe('monthly_value');
    expect(productFieldOf('月费')).toBe('monthly_value');
    expect(productFieldOf('MonthlyCharges')).toBe('monthly_value');
    expect(productFieldOf('Tenure (months)')).toBe('tenure_months');
    expect(productFieldOf('Favourite colour')).toBeUndefined();
  });
  it('reads a product field from raw CRM fields and skips blanks', () => {
    expect(readProductField({ 合同类型: 'Two year' }, 'contract')).toBe('Two year');
    expect(readProductField({ Contract: '  ' }, 'contract')).toBeUndefined();
  });

  it('recognises a shoppers list page’s columns by their data-field keys and their labels in both languages', () => {
    const en = {
      orders: 'order_count',
      lastPurchase: 'last_purchase',
      firstPurchase: 'first_purchase',
      totalSpend: 'total_spend',
      averageOrder: 'avg_order_value',
    };
    const zh = { 订单数: 'order_count', 最近购买: 'last_purchase', 首次购买: 'first_purchase', 消费总额: 'total_spend', 平均订单额: 'avg_order_value' };
    for (const [label, field] of Object.entries({ ...en, ...zh })) expect(productFieldOf(label), label).toBe(field);
    expect(productFieldOf('Number of orders')).toBe('order_count');
    expect(productFieldOf('AOV')).toBe('avg_order_value');
    expect(productFieldOf('客单价')).toBe('avg_order_value');
    expect(productFieldOf('下单次数')).toBe('order_count');
  });
  it('keeps purchases apart from other activity and from the sign-up date', () => {
    expect(productFieldOf('Last order')).toBe('last_purchase');
    expect(productFieldOf('Last contact')).toBe('last_activity');
    expect(productFieldOf('Last activity')).toBe('last_activity');
    expect(productFieldOf('First order date')).toBe('first_purchase');
    expect(productFieldOf('Customer since')).toBe('customer_since');
    expect(productFieldOf('Member since')).toBe('customer_since');
  });
  it('no label stands for two fields', () => {
    const seen = new Map<string, string>();
    for (const [field, names] of Object.entries(PRODUCT_FIELD_SYNONYMS)) {
      for (const name of names) {
        const key = normalizeLabel(name);
        expect(seen.get(key) ?? field, `${name}: ${seen.get(key)} and ${field}`).toBe(field);
        seen.set(key, field);
      }
    }
  });
});
