import { describe, expect, it } from 'vitest';
import { createFieldResolver, synonymResolver } from '@/lib/fields/field-resolver';
import { readProductField } from '@/lib/fields/product-fields';
import { productFieldMap } from '@/lib/indicators/field-values';

describe('field resolver', () => {
  it('uses the synonyms when a site has no mapping', () => {
    expect(synonymResolver('月费')).toBe('monthly_value');
    expect(createFieldResolver(undefined)).toBe(synonymResolver);
    expect(createFieldResolver({})).toBe(synonymResolver);
  });
  it('puts the site mapping before the synonyms, matching labels loosely', () => {
    const resolve = createFieldResolver({ 'Cuota mensual': 'monthly_value', Status: 'plan' });
    expect(resolve('Cuota mensual')).toBe('monthly_value');
    expect(resolve('cuota  MENSUAL:')).toBe('monthly_value');
    expect(resolve('Status')).toBe('plan');
    expect(resolve('MRR')).toBe('monthly_value');
    expect(resolve('Favourite colour')).toBeUndefined();
  });
  it("hides an 'ignore'd label from synonym matching", () => {
    const resolve = createFieldResolver({ Balance: 'ignore' });
    expect(synonymResolver('Balance')).toBe('outstanding_balance');
    expect(resolve('Balance')).toBeUndefined();
    expect(productFieldMap({ Balance: '300', 'Amount due': '40' }, resolve)).toEqual({ outstanding_balance: '40' });
  });
  it('is threaded through readProductField and productFieldMap', () => {
    const fields = { 'Cuota mensual': '€ 80', 'Monthly fee': '70' };
    const resolve = createFieldResolver({ 'Cuota mensual': 'monthly_value', 'Monthly fee': 'ignore' });
    expect(readProductField(fields, 'monthly_value')).toBe('70');
    expect(readProductField(fields, 'monthly_value', resolve)).toBe('€ 80');
    expect(productFieldMap(fields, resolve)).toEqual({ monthly_value: '€ 80' });
  });
});
