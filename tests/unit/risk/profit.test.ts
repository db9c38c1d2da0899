import { describe, expect, it } from 'vitest';
import { customerValue, profitCurve, thresholdsWithCutoff, type CostInputs, type ValuedCustomer } from '@/lib/risk/profit';

const inputs: CostInputs = { actionCost: 10, retainedValue: 100, successRate: 0.5, valueSource: 'average', horizonMonths: 12 };
const c = (probability: number, churned: boolean | null = null, monthlyValue: number | null = null): ValuedCustomer => ({ probability, churned, monthlyValue });

describe('profitCurve', () => {
  it('sums p × success × value − cost over the customers at or above each threshold and marks the maximum', () => {
    // gains: 0.9 → 35, 0.5 → 15, 0.2 → 0, 0.1 → −5
    const curve = profitCurve([c(0.9), c(0.5), c(0.2), c(0.1)], inputs, 10);
    expect(curve.points).toHaveLength(11);
    const at = (t: number) => curve.points.find((p) => Math.abs(p.threshold - t) < 1e-9)!;
    expect(at(0.9).net).toBeCloseTo(35);
    expect(at(0.5).net).toBeCloseTo(50);
    expect(at(0.2).net).toBeCloseTo(50);
    expect(at(0).net).toBeCloseTo(45);
    expect(at(0).acted).toBe(4);
    // a tie between 0.2 and 0.5 goes to the higher threshold: the same value for fewer actions
    expect(curve.best!.threshold).toBeCloseTo(0.5);
    expect(curve.basis).toBe('expected');
    // expected precision = mean p of those acted on; recall = their share of the expected churners
    expect(at(0.5).precision).toBeCloseTo(0.7);
    expect(at(0.5).recall).toBeCloseTo(1.4 / 1.7);
  });

  it('moves the optimum up as the action gets dearer', () => {
    const customers = Array.from({ length: 100 }, (_, i) => c(i / 100));
    const cheap = profitCurve(customers, { ...inputs, actionCost: 1 }).best!.threshold;
    const dear = profitCurve(customers, { ...inputs, actionCost: 30 }).best!.threshold;
    expect(dear).toBeGreaterThan(cheap);
    // the first threshold with a positive gain: 50p − cost > 0
    expect(cheap).toBeCloseTo(0.03);
    expect(dear).toBeCloseTo(0.61);
  });

  it('reads precision and recall from labels once there are enough churners', () => {
    const customers = [
      ...Array.from({ length: 10 }, () => c(0.9, true)),
      ...Array.from({ length: 10 }, () => c(0.8, false)),
      ...Array.from({ length: 10 }, () => c(0.1, true)),
    ];
    const curve = profitCurve(customers, inputs, 10);
    expect(curve.basis).toBe('labels');
    const at08 = curve.points.find((p) => Math.abs(p.threshold - 0.8) < 1e-9)!;
    expect(at08.precision).toBeCloseTo(0.5);
    expect(at08.recall).toBeCloseTo(0.5);
  });

  it('uses monthly value × horizon when the value comes from the field, the average otherwise', () => {
    expect(customerValue(c(0.5, null, 50), { ...inputs, valueSource: 'field' })).toBe(600);
    expect(customerValue(c(0.5, null, null), { ...inputs, valueSource: 'field' })).toBe(100);
    expect(customerValue(c(0.5, null, 50), inputs)).toBe(100);
  });

  it('has no maximum without customers', () => {
    expect(profitCurve([], inputs).best).toBeNull();
  });
});

describe('thresholdsWithCutoff', () => {
  it('sets the chosen tier and moves the others only as needed to stay increasing', () => {
    expect(thresholdsWithCutoff([0.1, 0.25, 0.45, 0.65], 3, 0.3)).toEqual([0.1, 0.3, 0.45, 0.65]);
    expect(thresholdsWithCutoff([0.1, 0.25, 0.45, 0.65], 3, 0.7)).toEqual([0.1, 0.7, 0.701, 0.702]);
    expect(thresholdsWithCutoff([0.1, 0.25, 0.45, 0.65], 4, 0.05)).toEqual([0.048, 0.049, 0.05, 0.65]);
    expect(thresholdsWithCutoff([0.1, 0.25, 0.45, 0.65], 5, 1)).toEqual([0.1, 0.25, 0.45, 0.999]);
  });
});
