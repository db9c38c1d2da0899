import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS_BY_TIER, localeOf } from '../../../lib/playbooks/default-playbook';
import { renderTemplate, templateVariables } from '../../../lib/playbooks/template';

describe('renderTemplate', () => {
  it('fills known variables and leaves unknown or empty ones visible', () => {
    expect(renderTemplate('Hi {name}, re {plan} ({agent})', { name: 'Ann', plan: '' })).toBe('Hi Ann, re {plan} ({agent})');
  });
  it('inserts values as plain text, including markup-looking names', () => {
    expect(renderTemplate('Hi {name}', { name: '<img src=x onerror=alert(1)>' })).toBe('Hi <img src=x onerror=alert(1)>');
  });
  it('does not re-expand variables inside inserted values', () => {
    expect(renderTemplate('{a}', { a: '{b}', b: 'nope' })).toBe('{b}');
  });
  it('lists a template’s variables once each', () => {
    expect(templateVariables('{name} {plan} {name}')).toEqual(['name', 'plan']);
  });
});

describe('default playbook', () => {
  it('has a script in both languages for every tier, using only supported variables', () => {
    const supported = new Set(['name', 'topReason', 'tenure', 'plan', 'monthlyValue']);
    for (const script of Object.values(DEFAULT_SCRIPTS_BY_TIER)) {
      for (const text of [script.text.en, script.text.zh]) {
        expect(text.length).toBeGreaterThan(20);
        for (const variable of templateVariables(text)) expect(supported).toContain(variable);
      }
      expect(templateVariables(script.text.en).sort()).toEqual(templateVariables(script.text.zh).sort());
    }
  });
  it('picks Chinese for zh UI languages only', () => {
    expect(localeOf('zh-CN')).toBe('zh');
    expect(localeOf('zh_TW')).toBe('zh');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('de')).toBe('en');
  });
});
