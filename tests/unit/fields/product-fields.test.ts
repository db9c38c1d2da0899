import { describe, expect, it } from 'vitest';
import { productFieldOf, readProductField } from '../../../lib/fields/product-fields';

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
    expect(readProductField({ '合同类型': 'Two year' }, 'contract')).toBe('Two year');
    expect(readProductField({ Contract: '  ' }, 'contract')).toBeUndefined();
  });
});
