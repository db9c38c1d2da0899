import { describe, expect, it } from 'vitest';
import { chooseScript } from '@/lib/playbooks/choose';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { topDriverCategory } from '@/lib/playbooks/driver';
import type { Playbook, PlaybookContext } from '@/lib/playbooks/types';

const context = (over: Partial<PlaybookContext>): PlaybookContext => ({ tier: 1, pattern: null, driver: null, lifecycle: null, ...over });
const pick = (over: Partial<PlaybookContext>) => chooseScript(DEFAULT_PLAYBOOK, context(over));

describe('playbook choice', () => {
  it('follows the churn pattern first', () => {
    expect(pick({ tier: 5, pattern: 'already_churned' }).script.id).toBe('win-back');
    expect(pick({ tier: 2, pattern: 'trial_failure' }).script.id).toBe('onboarding-help');
    expect(pick({ tier: 3, pattern: 'high_value_sudden_drop' }).script.id).toBe('account-manager-visit');
  });

  it('then the top driver and the tier', () => {
    expect(pick({ tier: 4, driver: 'competition' }).script.id).toBe('retention-offer');
    expect(pick({ tier: 5, driver: 'financial' }).script.id).toBe('retention-offer');
    expect(pick({ tier: 3, driver: 'satisfaction' }).script.id).toBe('service-recovery');
    expect(pick({ tier: 5, driver: 'loyalty' }).script.id).toBe('account-manager-visit');
    expect(pick({ tier: 4, pattern: 'gradual_decline', driver: 'loyalty' }).script.id).toBe('membership-upgrade');
    expect(pick({ tier: 3, driver: 'consumption' }).script.id).toBe('coupon');
    expect(pick({ tier: 4, driver: 'characteristics' }).script.id).toBe('retention-offer');
    expect(pick({ tier: 2 }).script.id).toBe('care-call');
  });

  it('falls back to the fallback script, saying no rule matched', () => {
    const chosen = pick({ tier: 1 });
    expect(chosen.script.id).toBe('nurture');
    expect(chosen.rule).toBeNull();
  });

  it('skips disabled rules and rules whose script is missing', () => {
    const playbook: Playbook = {
      ...DEFAULT_PLAYBOOK,
      rules: [
        { id: 'off', enabled: false, when: {}, scriptId: 'win-back' },
        { id: 'ghost', enabled: true, when: {}, scriptId: 'no-such-script' },
        { id: 'on', enabled: true, when: { tiers: [2] }, scriptId: 'coupon' },
      ],
    };
    expect(chooseScript(playbook, context({ tier: 2 })).rule?.id).toBe('on');
    expect(chooseScript(playbook, context({ tier: 3 })).script.id).toBe('nurture');
    expect(() => chooseScript({ ...playbook, scripts: [] }, context({}))).toThrow(/no scripts/);
  });

  it('reads the driver category from the strongest risk-raising reason', () => {
    expect(
      topDriverCategory([
        { field: 'tenure', value: '2', contribution: 0.4 },
        { field: 'ind:ticket_count', value: '4', contribution: 0.9, indicator: { id: 'ticket_count', label: { en: '', zh: '' }, meaning: null } },
        { field: 'Contract', value: 'Two year', contribution: -2 },
      ]),
    ).toBe('satisfaction');
    expect(topDriverCategory([{ field: 'MonthlyCharges', value: '$70', contribution: 0.3 }])).toBe('consumption');
    expect(topDriverCategory([{ field: 'gender', value: 'Male', contribution: 0.3 }])).toBeNull();
    expect(topDriverCategory([{ field: 'tenure', value: '40', contribution: -1 }])).toBeNull();
  });
});
