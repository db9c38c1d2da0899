import { describe, expect, it } from 'vitest';
import { categoryOfReason, groupReasons } from '@/lib/explain/reason-groups';

describe('reasons by category', () => {
  it('files each reason under the research category of the indicator it stands for', () => {
    expect(categoryOfReason({ field: 'Contract', value: 'Month-to-month', contribution: 1 })).toBe('loyalty');
    expect(categoryOfReason({ field: 'ind:recency_days', value: '59', contribution: 1 })).toBe('consumption');
    expect(categoryOfReason({ field: 'PaymentMethod', value: 'Electronic check', contribution: 1 })).toBe('financial');
    expect(categoryOfReason({ field: 'gender', value: 'Male', contribution: 1 })).toBe('other');
  });

  it('puts the group with the strongest reason first and keeps order inside groups', () => {
    const groups = groupReasons([
      { field: 'tenure', value: '2', contribution: 0.6 },
      { field: 'PaymentMethod', value: 'Electronic check', contribution: 0.9 },
      { field: 'Contract', value: 'Month-to-month', contribution: -0.3 },
      { field: 'gender', value: 'Male', contribution: 0.01 },
    ]);
    expect(groups.map((g) => [g.category, g.reasons.map((r) => r.field)])).toEqual([
      ['financial', ['PaymentMethod']],
      ['loyalty', ['tenure', 'Contract']],
      ['other', ['gender']],
    ]);
  });
});
