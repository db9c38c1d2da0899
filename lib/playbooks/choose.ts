import type { Playbook, PlaybookContext, PlaybookRule, RuleCondition, ScriptTemplate } from './types';

function matches(when: RuleCondition, context: PlaybookContext): boolean {
  if (when.tiers?.length && !when.tiers.includes(context.tier)) return false;
  if (when.patterns?.length && (!context.pattern || !when.patterns.includes(context.pattern))) return false;
  if (when.drivers?.length && (!context.driver || !when.drivers.includes(context.driver))) return false;
  if (when.lifecycle?.length && (!context.lifecycle || !when.lifecycle.includes(context.lifecycle))) return false;
  return true;
}

/** The first enabled rule that matches, and its script; the fallback script when none does (rule null). */
export function chooseScript(playbook: Playbook, context: PlaybookContext): { rule: PlaybookRule | null; script: ScriptTemplate } {
  const scripts = new Map(playbook.scripts.map((s) => [s.id, s]));
  for (const rule of playbook.rules) {
    if (!rule.enabled || !matches(rule.when, context)) continue;
    const script = scripts.get(rule.scriptId);
    if (script) return { rule, script };
  }
  const fallback = scripts.get(playbook.fallbackScriptId) ?? playbook.scripts[0];
  if (!fallback) throw new Error('The playbook has no scripts.');
  return { rule: null, script: fallback };
}
