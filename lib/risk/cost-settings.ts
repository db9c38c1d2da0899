import { storage } from 'wxt/utils/storage';
import type { CostInputs } from './profit';

/** Starting cost model: a cheap call-and-offer against a year of a typical customer's value. */
export const DEFAULT_COST_INPUTS: CostInputs = { actionCost: 20, retainedValue: 600, successRate: 0.3, valueSource: 'field', horizonMonths: 12 };

export type CostProblem = 'actionCost' | 'retainedValue' | 'successRate' | 'horizonMonths';

/** What is wrong with cost inputs (empty = valid), each a key the UI words. */
export function costProblems(inputs: CostInputs): CostProblem[] {
  const problems: CostProblem[] = [];
  const ok = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;
  if (!ok(inputs.actionCost, 0, 1e9)) problems.push('actionCost');
  if (!ok(inputs.retainedValue, 0, 1e12)) problems.push('retainedValue');
  if (!ok(inputs.successRate, 0, 1)) problems.push('successRate');
  if (!Number.isInteger(inputs.horizonMonths) || !ok(inputs.horizonMonths, 1, 120)) problems.push('horizonMonths');
  return problems;
}

/** The manager's cost model for the profit curve (options → Churn & tiers). */
export const costInputsItem = storage.defineItem<CostInputs>('local:costInputs', { fallback: { ...DEFAULT_COST_INPUTS }, version: 1 });
