import type { Bilingual } from '../indicators/types';
import { templateVariables } from './template';
import type { Locale, Playbook, ScriptTemplate } from './types';
import { isScriptVariable, SCRIPT_VARIABLES } from './variables';

export type ScriptPart = 'title' | 'message' | 'call';

export type PlaybookProblem =
  | { kind: 'script'; scriptId: string; part: ScriptPart; locale: Locale; code: 'empty' | 'unknown-variable' | 'unbalanced-optional'; message: Bilingual }
  | { kind: 'rule'; ruleId: string; code: 'unknown-script' | 'duplicate-id'; message: Bilingual }
  | { kind: 'playbook'; code: 'unknown-fallback' | 'duplicate-script-id'; message: Bilingual };

const PART_NAME: Record<ScriptPart, Bilingual> = {
  title: { en: 'title', zh: '标题' },
  message: { en: 'message', zh: '消息' },
  call: { en: 'call talk track', zh: '通话话术' },
};
const LOCALE_NAME: Record<Locale, Bilingual> = { en: { en: 'English', zh: '英文' }, zh: { en: 'Chinese', zh: '中文' } };

/**
 * Where `[[ … ]]` optional segments are not balanced: a `]]` with no `[[`
 * before it, a `[[` inside another (the engine does not nest them), or a `[[`
 * never closed. Null when balanced.
 */
export function optionalSegmentError(template: string): 'stray-close' | 'nested' | 'unclosed' | null {
  let open = false;
  for (const token of template.match(/\[\[|\]\]/g) ?? []) {
    if (token === '[[') {
      if (open) return 'nested';
      open = true;
    } else {
      if (!open) return 'stray-close';
      open = false;
    }
  }
  return open ? 'unclosed' : null;
}

const SEGMENT_TEXT: Record<'stray-close' | 'nested' | 'unclosed', Bilingual> = {
  'stray-close': { en: 'a "]]" closes no "[["', zh: '“]]”之前没有对应的“[[”' },
  nested: { en: 'a "[[" opens inside another "[[ … ]]" (optional parts cannot nest)', zh: '“[[ … ]]”内部又出现了“[[”（可选段不能嵌套）' },
  unclosed: { en: 'a "[[" is never closed with "]]"', zh: '“[[”没有用“]]”闭合' },
};

/** Problems of one text of a script (one part, one language). */
export function textProblems(script: Pick<ScriptTemplate, 'id'>, part: ScriptPart, locale: Locale, text: string): PlaybookProblem[] {
  const where = (m: Bilingual): Bilingual => ({
    en: `Script "${script.id}", ${LOCALE_NAME[locale].en} ${PART_NAME[part].en}: ${m.en}`,
    zh: `话术“${script.id}”的${LOCALE_NAME[locale].zh}${PART_NAME[part].zh}：${m.zh}`,
  });
  const base = { kind: 'script', scriptId: script.id, part, locale } as const;
  if (!text.trim()) return [{ ...base, code: 'empty', message: where({ en: 'it is empty', zh: '内容为空' }) }];
  const problems: PlaybookProblem[] = [];
  const unknown = templateVariables(text).filter((name) => !isScriptVariable(name));
  if (unknown.length) {
    const names = unknown.map((n) => `{${n}}`).join(', ');
    const known = SCRIPT_VARIABLES.map((n) => `{${n}}`).join(' ');
    problems.push({
      ...base,
      code: 'unknown-variable',
      message: where({ en: `unknown variable ${names} (known: ${known})`, zh: `未知变量 ${names}（可用：${known}）` }),
    });
  }
  const segment = optionalSegmentError(text);
  if (segment) problems.push({ ...base, code: 'unbalanced-optional', message: where(SEGMENT_TEXT[segment]) });
  return problems;
}

function scriptProblems(script: ScriptTemplate): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  for (const part of ['title', 'message', 'call'] as const) {
    for (const locale of ['en', 'zh'] as const) problems.push(...textProblems(script, part, locale, script[part][locale]));
  }
  return problems;
}

/** Everything that would make the playbook misbehave; an empty list means it can be saved. */
export function playbookProblems(playbook: Playbook): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  const scriptIds = new Set<string>();
  for (const script of playbook.scripts) {
    if (scriptIds.has(script.id)) {
      problems.push({
        kind: 'playbook',
        code: 'duplicate-script-id',
        message: { en: `Two scripts share the id "${script.id}"`, zh: `有两个话术使用同一个标识“${script.id}”` },
      });
    }
    scriptIds.add(script.id);
    problems.push(...scriptProblems(script));
  }
  if (!scriptIds.has(playbook.fallbackScriptId)) {
    problems.push({
      kind: 'playbook',
      code: 'unknown-fallback',
      message: { en: `The fallback script "${playbook.fallbackScriptId}" does not exist`, zh: `兜底话术“${playbook.fallbackScriptId}”不存在` },
    });
  }
  const ruleIds = new Set<string>();
  for (const rule of playbook.rules) {
    if (ruleIds.has(rule.id))
      problems.push({
        kind: 'rule',
        ruleId: rule.id,
        code: 'duplicate-id',
        message: { en: `Two rules share the id "${rule.id}"`, zh: `有两条规则使用同一个标识“${rule.id}”` },
      });
    ruleIds.add(rule.id);
    if (!scriptIds.has(rule.scriptId)) {
      problems.push({
        kind: 'rule',
        ruleId: rule.id,
        code: 'unknown-script',
        message: { en: `Rule "${rule.id}" uses the script "${rule.scriptId}", which does not exist`, zh: `规则“${rule.id}”使用的话术“${rule.scriptId}”不存在` },
      });
    }
  }
  return problems;
}
