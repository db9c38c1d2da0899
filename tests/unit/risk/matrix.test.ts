import { describe, expect, it } from 'vitest';
import { quantile, riskValueMatrix, type MatrixCustomer } from '@/lib/risk/matrix';

const thresholds = [0.1, 0.25, 0.45, 0.65];
const m = (crmId: string, probability: number, monthlyValue: number | null): MatrixCustomer => ({
  site: 'http://crm.test',
  crmId,
  name: crmId,
  probability,
  monthlyValue,
  url: null,
});

describe('riskValueMatrix', () => {
  const customers = [m('a', 0.9, 100), m('b', 0.7, 20), m('c', 0.3, 90), m('d', 0.05, 10), m('e', 0.5, 60), m('f', 0.8, null)];

  it('2 × 2: high risk from tier 4, high value from the median; value at stake is Σ p × value', () => {
    const matrix = riskValueMatrix(customers, thresholds, 2);
    expect(matrix.valueCuts).toEqual([60]);
    expect(matrix.withoutValue).toBe(1);
    const [low, high] = matrix.cells;
    expect(high![1]!.customers.map((c) => c.crmId)).toEqual(['a', 'e']);
    expect(high![1]!.atStake).toBeCloseTo(0.9 * 100 + 0.5 * 60);
    expect(high![0]!.customers.map((c) => c.crmId)).toEqual(['b']);
    expect(low![1]!.customers.map((c) => c.crmId)).toEqual(['c']);
    expect(low![0]!.count).toBe(1);
  });

  it('3 × 3: risk bands tiers 1–2, 3, 4–5 and value tertiles', () => {
    const matrix = riskValueMatrix(customers, thresholds, 3);
    expect(matrix.cells).toHaveLength(3);
    expect(matrix.valueCuts).toHaveLength(2);
    expect(matrix.cells.flat().reduce((s, cell) => s + cell.count, 0)).toBe(5);
    expect(matrix.cells[1]![2]!.customers.map((c) => c.crmId)).toEqual(['c']); // tier 3, top third
    expect(matrix.cells[0]![0]!.customers.map((c) => c.crmId)).toEqual(['d']);
  });

  it('is empty without values', () => {
    const matrix = riskValueMatrix([m('x', 0.5, null)], thresholds, 2);
    expect(matrix.valueCuts).toEqual([]);
    expect(matrix.withoutValue).toBe(1);
  });
});

describe('quantile', () => {
  it('interpolates between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.3)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
