import { describe, expect, it } from 'vitest';
import type { Reason } from '@/lib/domain';
import type { IndicatorResult } from '@/lib/indicators/types';
import { scriptVariables } from '@/lib/playbooks/variables';

const t = (key: string, subs: string[] = []) => `${key}:${subs.join('|')}`;
const indicators = {
  values: [
    { id: 'recency_days', value: 12 },
    { id: 'tenure', value: 7.4 },
    { id: 'order_count', value: 3 },
  ],
} as unknown as IndicatorResult;

describe('script variables', () => {
  it('reads CRM fields first, then indicators, in the script language', () => {
    const customer = { name: 'Ana', fields: { Contract: 'One year', MonthlyCharges: '70.35' } };
    expect(scriptVariables(customer, [], indicators, 'en', t)).toEqual({
      name: 'Ana',
      tenure: '7 months',
      plan: 'One year',
      monthlyValue: '70.35',
      orders: '3',
      lastOrder: '12 days ago',
    });
    expect(scriptVariables(customer, [], indicators, 'zh', t)).toMatchObject({ tenure: '7个月', lastOrder: '12天前' });
  });

  it('leaves out what is unknown, and a top reason only when it raises risk', () => {
    const lowers: Reason[] = [{ field: 'Contract', value: 'Two year', contribution: -1 }];
    expect(scriptVariables({ name: 'Bo', fields: {} }, lowers, null, 'en', t)).toEqual({ name: 'Bo' });
    const raises: Reason[] = [{ field: 'Contract', value: 'Month-to-month', contribution: 1 }];
    expect(scriptVariables({ name: 'Bo', fields: {} }, raises, null, 'en', t).topReason).toBeTruthy();
  });
});
