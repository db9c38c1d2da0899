import { describe, expect, it } from 'vitest';
import { fieldLabel, humanizeKey, reasonSentence, strengthOf, topRiskReasons, type Translate } from '@/lib/explain/reason-text';

const table: Record<string, string> = {
  'field.Contract': 'Contract',
  'reason.raises.strong': '$1: $2 — strongly raises risk',
  'reason.lowers.slight': '$1: $2 — slightly lowers risk',
  'reason.missingValue': 'not recorded',
};
const t: Translate = (key, subs = []) => (table[key] ?? '').replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');

describe('reason text', () => {
  it('grades strength by log-odds size', () => {
    expect(strengthOf(1.2)).toBe('strong');
    expect(strengthOf(-0.5)).toBe('moderate');
    expect(strengthOf(0.1)).toBe('slight');
  });
  it('humanises unknown keys', () => {
    expect(humanizeKey('MonthlyCharges')).toBe('Monthly charges');
    expect(humanizeKey('payment_method')).toBe('Payment method');
    expect(fieldLabel('PaymentMethod', t)).toBe('Payment method');
    expect(fieldLabel('Contract', t)).toBe('Contract');
  });
  it('builds a sentence with direction, strength and value', () => {
    expect(reasonSentence({ field: 'Contract', value: 'Month-to-month', contribution: 1.3 }, t)).toBe('Contract: Month-to-month — strongly raises risk');
    expect(reasonSentence({ field: 'tenure', value: null, contribution: -0.2 }, t)).toBe('Tenure: not recorded — slightly lowers risk');
  });
  it('puts risk-raising reasons first, largest first', () => {
    const reasons = [
      { field: 'a', value: '1', contribution: -2 },
      { field: 'b', value: '1', contribution: 0.5 },
      { field: 'c', value: '1', contribution: 1.5 },
    ];
    expect(topRiskReasons(reasons, 3).map((r) => r.field)).toEqual(['c', 'b', 'a']);
    expect(topRiskReasons(reasons, 1).map((r) => r.field)).toEqual(['c']);
  });
});
