import type { ActionKind, OutcomeKind } from '../db/schema';
import type { Bucket } from './buckets';

export interface KpiAction {
  at: number;
  kind: ActionKind;
  /** The playbook rule whose script the agent had (null: the fallback script, or none recorded). */
  ruleId: string | null;
  outcome: OutcomeKind | null;
}

export type OutcomeCounts = Record<OutcomeKind | 'none', number>;

/**
 * Actions of one playbook rule in a period and their outcomes. Success rate =
 * retained ÷ (retained + churned): only decided outcomes count, so "no answer"
 * and "pending" neither help nor hurt a rule.
 */
export interface RuleOutcomes {
  ruleId: string | null;
  actions: number;
  outcomes: OutcomeCounts;
  successRate: number | null;
}

const emptyCounts = (): OutcomeCounts => ({ retained: 0, churned: 0, no_answer: 0, pending: 0, none: 0 });
const success = (c: OutcomeCounts) => (c.retained + c.churned > 0 ? c.retained / (c.retained + c.churned) : null);

/** Per rule, actions taken in [from, to), most actions first (ties by rule id). */
export function outcomesByRule(actions: readonly KpiAction[], from: number, to: number): RuleOutcomes[] {
  const byRule = new Map<string | null, RuleOutcomes>();
  for (const action of actions) {
    if (action.at < from || action.at >= to) continue;
    let row = byRule.get(action.ruleId);
    if (!row) byRule.set(action.ruleId, (row = { ruleId: action.ruleId, actions: 0, outcomes: emptyCounts(), successRate: null }));
    row.actions++;
    row.outcomes[action.outcome ?? 'none']++;
  }
  const rows = [...byRule.values()].map((row) => ({ ...row, successRate: success(row.outcomes) }));
  return rows.sort((a, b) => b.actions - a.actions || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
}

/** Actions per period and their outcomes (by when the action was taken). */
export function actionsOverTime(
  actions: readonly KpiAction[],
  buckets: readonly Bucket[],
): { actions: number; outcomes: OutcomeCounts; successRate: number | null }[] {
  const rows = buckets.map(() => ({ actions: 0, outcomes: emptyCounts() }));
  for (const action of actions) {
    const i = buckets.findIndex((b) => action.at >= b.start && action.at < b.end);
    if (i < 0) continue;
    rows[i]!.actions++;
    rows[i]!.outcomes[action.outcome ?? 'none']++;
  }
  return rows.map((row) => ({ ...row, successRate: success(row.outcomes) }));
}
