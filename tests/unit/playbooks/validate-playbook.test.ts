import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { optionalSegmentError, playbookProblems, textProblems } from '@/lib/playbooks/validate-playbook';

const script = { id: 'care-call' };

describe('playbook validation', () => {
  it('finds no problem in the default playbook', () => {
    expect(playbookProblems(DEFAULT_PLAYBOOK)).toEqual([]);
  });

  it('checks [[ ]] balance', () => {
    expect(optionalSegmentError('Hi [[for {tenure}]] and [[{plan}]]')).toBeNull();
    expect(optionalSegmentError('Hi [[for {tenure}')).toBe('unclosed');
    expect(optionalSegmentError('Hi for {tenure}]]')).toBe('stray-close');
    expect(optionalSegmentError('[[a [[b]] c]]')).toBe('nested');
  });

  it('reports empty texts, unknown variables and unbalanced segments with where and what, in both languages', () => {
    expect(textProblems(script, 'message', 'en', '  ')).toEqual([
      expect.objectContaining({
        code: 'empty',
        message: { en: 'Script "care-call", English message: it is empty', zh: '话术“care-call”的英文消息：内容为空' },
      }),
    ]);
    const problems = textProblems(script, 'call', 'zh', '{name}您好 {agent} [[{plan}');
    expect(problems.map((p) => p.code)).toEqual(['unknown-variable', 'unbalanced-optional']);
    expect(problems[0]!.message.en).toBe(
      'Script "care-call", Chinese call talk track: unknown variable {agent} (known: {name} {tenure} {plan} {monthlyValue} {orders} {lastOrder} {topReason})',
    );
    expect(problems[1]!.message.zh).toBe('话术“care-call”的中文通话话术：“[[”没有用“]]”闭合');
  });

  it('reports duplicate ids, a missing fallback and rules pointing at missing scripts', () => {
    const playbook = structuredClone(DEFAULT_PLAYBOOK);
    playbook.rules.push({ ...playbook.rules[0]!, scriptId: 'gone' });
    playbook.scripts.push({ ...playbook.scripts[0]! });
    playbook.fallbackScriptId = 'missing';
    expect(playbookProblems(playbook).map((p) => p.code)).toEqual(['duplicate-script-id', 'unknown-fallback', 'duplicate-id', 'unknown-script']);
  });
});
