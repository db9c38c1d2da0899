import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, localeOf } from '@/lib/playbooks/default-playbook';
import { renderTemplate, templateVariables } from '@/lib/playbooks/template';

describe('renderTemplate', () => {
  it('fills known variables and leaves unknown ones visible outside optional segments', () => {
    expect(renderTemplate('Hi {name}, re {plan} ({agent})', { name: 'Ann', plan: '' })).toBe('Hi Ann, re {plan} ({agent})');
  });

  it('drops an optional segment whole when a variable in it is unknown, and tidies the spaces it leaves', () => {
    const template = 'Thank you[[ for {tenure}]] with us[[, {name}]].';
    expect(renderTemplate(template, { tenure: '8 months', name: 'Ann' })).toBe('Thank you for 8 months with us, Ann.');
    expect(renderTemplate(template, { name: 'Ann' })).toBe('Thank you with us, Ann.');
    expect(renderTemplate('A [[{x} ]]b .', {})).toBe('A b.');
  });

  it('renders values as text, never as markup', () => {
    expect(renderTemplate('Hi {name}', { name: '<img src=x onerror=alert(1)>' })).toBe('Hi <img src=x onerror=alert(1)>');
  });

  it('lists the variables a template uses, once each', () => {
    expect(templateVariables('{name} {plan} {name} [[{tenure}]]')).toEqual(['name', 'plan', 'tenure']);
  });
});

describe('default playbook scripts', () => {
  const scripts = DEFAULT_PLAYBOOK.scripts;
  it('has a message and a call version in both languages for every script, using only known variables', () => {
    const known = new Set(['name', 'tenure', 'plan', 'monthlyValue', 'orders', 'lastOrder', 'topReason']);
    for (const script of scripts) {
      for (const text of [script.message.en, script.message.zh, script.call.en, script.call.zh, script.title.en, script.title.zh]) {
        expect(text.trim().length, script.id).toBeGreaterThanOrEqual(2);
        for (const variable of templateVariables(text)) expect(known.has(variable), `${script.id}: {${variable}}`).toBe(true);
      }
    }
  });

  it('reads with only the name known: no placeholder is left in a message', () => {
    for (const script of scripts) {
      for (const locale of ['en', 'zh'] as const) {
        const text = renderTemplate(script.message[locale], { name: 'Ann', topReason: 'x' });
        expect(text, `${script.id} ${locale}`).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });

  it('covers the retention strategies a CRM team uses', () => {
    expect(new Set(scripts.map((s) => s.strategy))).toEqual(
      new Set(['win-back', 'onboarding', 'account-manager', 'personalised-offer', 'coupon', 'membership-upgrade', 'service-recovery', 'care-call', 'nurture']),
    );
  });

  it('picks the script language from the UI language', () => {
    expect(localeOf('zh-CN')).toBe('zh');
    expect(localeOf('en-US')).toBe('en');
  });
});
