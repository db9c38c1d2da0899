import { describe, expect, it } from 'vitest';
import { withProductFields } from '@/lib/fields/product-fields';
import { compileTransform, featureLayout } from '@/lib/model/preprocess';
import type { FittedColumn } from '@/lib/model/types';

const columns: FittedColumn[] = [
  {
    name: 'field:contract',
    kind: 'mapped',
    inputs: [
      { name: 'c_month', transform: { kind: 'onehot', level: 'Month-to-month' }, fill: null },
      { name: 'c_two', transform: { kind: 'onehot', level: 'Two year' }, fill: null },
      { name: 'c_index', transform: { kind: 'index', levels: ['Month-to-month', 'One year', 'Two year'] }, fill: null },
    ],
  },
  { name: 'MonthlyCharges', kind: 'mapped', inputs: [{ name: 'mc', transform: { kind: 'number', center: 50, scale: 25 }, fill: 0 }] },
  { name: 'Partner', kind: 'mapped', inputs: [{ name: 'partner', transform: { kind: 'yesno' }, fill: null }] },
];
const prep = { columns, ...featureLayout(columns) };

describe('mapped columns (inputs of imported models)', () => {
  it('lay out one input per spec entry, traced to its source', () => {
    expect(prep.featureNames).toEqual(['c_month', 'c_two', 'c_index', 'mc', 'partner']);
    expect(prep.featureSource).toEqual(['field:contract', 'field:contract', 'field:contract', 'MonthlyCharges', 'Partner']);
  });

  it('one-hot and index levels match ignoring case and spaces; numbers scale; yes/no read as CRMs write them', () => {
    const x = compileTransform(prep)([{ 'field:contract': ' two  YEAR ', MonthlyCharges: '$100.00', Partner: '是' }]);
    expect([...x]).toEqual([0, 1, 2, 2, 1]);
  });

  it('blank cells: one-hot all zeros, index and yes/no missing (NaN), numbers their fill', () => {
    const x = compileTransform(prep)([{ 'field:contract': '', MonthlyCharges: '—', Partner: '' }]);
    expect([...x]).toEqual([0, 0, Number.NaN, 0, Number.NaN]);
    const unknown = compileTransform(prep)([{ 'field:contract': 'Weekly' }]);
    expect(unknown[2]).toBeNaN();
  });

  it('product fields are added under field:<key> through the resolver, first non-blank label winning', () => {
    const row = withProductFields({ 'Contract type': 'One year', Contract: 'Two year', MRR: ' ', 'Monthly fee': '$20' });
    expect(row['field:contract']).toBe('One year');
    expect(row['field:monthly_value']).toBe('$20');
    expect(row['Contract type']).toBe('One year');
  });
});
