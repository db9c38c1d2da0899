import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { addRule, duplicateScript, freshId, insertAt, moveRule, moveRuleTo, removeRule, toggleIn, updateRule } from '@/lib/playbooks/edit';

const ids = (p: typeof DEFAULT_PLAYBOOK) => p.rules.map((r) => r.id);

describe('playbook edits', () => {
  it('moves rules up and down, and by drag; out of range changes nothing', () => {
    expect(ids(moveRule(DEFAULT_PLAYBOOK, 1, -1)).slice(0, 3)).toEqual(['trial-onboarding', 'churned-win-back', 'high-value-visit']);
    expect(ids(moveRule(DEFAULT_PLAYBOOK, 0, 1)).slice(0, 2)).toEqual(['trial-onboarding', 'churned-win-back']);
    expect(moveRule(DEFAULT_PLAYBOOK, 0, -1)).toBe(DEFAULT_PLAYBOOK);
    expect(moveRule(DEFAULT_PLAYBOOK, 9, 1)).toBe(DEFAULT_PLAYBOOK);
    expect(ids(moveRuleTo(DEFAULT_PLAYBOOK, 9, 0))[0]).toBe('moderate-care');
    expect(ids(DEFAULT_PLAYBOOK)[0]).toBe('churned-win-back');
  });

  it('updates, adds and removes rules without touching the original', () => {
    const disabled = updateRule(DEFAULT_PLAYBOOK, 0, { enabled: false });
    expect(disabled.rules[0]!.enabled).toBe(false);
    expect(DEFAULT_PLAYBOOK.rules[0]!.enabled).toBe(true);
    const added = addRule(addRule(DEFAULT_PLAYBOOK));
    expect(added.rules.slice(-2).map((r) => r.id)).toEqual(['rule-1', 'rule-2']);
    expect(added.rules.at(-1)).toEqual({ id: 'rule-2', enabled: true, when: { tiers: [3, 4, 5] }, scriptId: 'nurture' });
    expect(ids(removeRule(DEFAULT_PLAYBOOK, 0))[0]).toBe('trial-onboarding');
  });

  it('fresh ids and script copies', () => {
    expect(freshId('win-back', ['win-back', 'win-back-1'])).toBe('win-back-2');
    const { playbook, id } = duplicateScript(DEFAULT_PLAYBOOK, 'coupon');
    expect(id).toBe('coupon-1');
    expect(playbook.scripts.at(-1)!.title).toEqual({ en: 'Coupon to restart purchases (copy)', zh: '优惠券促复购（副本）' });
  });

  it('inserts a variable at the cursor, replacing a selection', () => {
    expect(insertAt('Hi , welcome', 3, 3, '{name}')).toEqual({ text: 'Hi {name}, welcome', cursor: 9 });
    expect(insertAt('Hi you!', 3, 6, '{name}')).toEqual({ text: 'Hi {name}!', cursor: 9 });
    expect(insertAt('Hi', 99, 99, ' {name}')).toEqual({ text: 'Hi {name}', cursor: 9 });
  });

  it('toggles condition values; an emptied list means "any"', () => {
    expect(toggleIn(undefined, 3)).toEqual([3]);
    expect(toggleIn([3, 4], 3)).toEqual([4]);
    expect(toggleIn([3], 3)).toBeUndefined();
  });
});
