import type { Playbook, PlaybookRule } from '../playbooks/types';
import type { MeasuredUplift } from './experiment';

/**
 * Consolidation: a finished experiment's answer is written on the playbook
 * rule it tested, so the playbook says which plays work. A rule whose whole
 * interval is below zero loses customers compared with doing nothing and is
 * flagged; one whose interval is above zero is proven.
 */
export type UpliftVerdict = 'helps' | 'harms' | 'unclear';

export function upliftVerdict(measured: MeasuredUplift): UpliftVerdict {
  if (measured.low > 0) return 'helps';
  if (measured.high < 0) return 'harms';
  return 'unclear';
}

/** The playbook with the result on the rule; null when the rule is gone (renamed or deleted since the start). */
export function withMeasuredUplift(playbook: Playbook, ruleId: string, measured: MeasuredUplift): Playbook | null {
  if (!playbook.rules.some((rule) => rule.id === ruleId)) return null;
  return { ...playbook, rules: playbook.rules.map((rule) => (rule.id === ruleId ? { ...rule, measured } : rule)) };
}

/**
 * Rules best measured uplift first, unmeasured last (each group in playbook
 * order). A view only: the playbook's own order decides which rule fires.
 */
export function rulesByUplift(rules: readonly PlaybookRule[]): PlaybookRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => (b.rule.measured?.uplift ?? -Infinity) - (a.rule.measured?.uplift ?? -Infinity) || a.index - b.index)
    .map(({ rule }) => rule);
}
