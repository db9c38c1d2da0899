/**
 * Tier rises worth an alert, deduplicated: one alert per customer per rise.
 *
 * The ledger keeps, per customer, the highest tier already alerted in the
 * customer's current at-risk spell. A rise alerts
 * when the new tier is ≥ 4, above the previous score's tier and above the
 * ledger's. The spell ends, and the ledger entry with it, when the tier falls
 * below the at-risk tier (3): a score flapping 4 → 3 → 4 alerts once, a
 * customer who recovered and rises again alerts again. A customer's first
 * score is a baseline, never a "rise": a list page of new customers must not
 * set off a burst of alerts (the worklist shows them).
 */
import type { Tier } from '../domain';

const ALERT_TIER = 4;
/** Below this tier a customer is off the worklist and their at-risk spell is over (lib/background/worklist.ts AT_RISK_TIER). */
const SPELL_END_TIER = 3;

/** Customer key → highest tier alerted in the current spell (only alerted customers are kept: the item stays small). */
export type RiseLedger = Record<string, number>;

export interface TierChange {
  key: string;
  /** The tier before this score (an agent's pinned tier wins); null: the customer's first score. */
  from: Tier | null;
  to: Tier;
}

/** The rises among score changes, and the ledger after them (the same object when nothing in it changed). */
export function detectRises(ledger: RiseLedger, changes: readonly TierChange[]): { rises: TierChange[]; ledger: RiseLedger } {
  let next = ledger;
  const edit = () => (next === ledger ? (next = { ...ledger }) : next);
  const rises: TierChange[] = [];
  for (const change of changes) {
    const { key, from, to } = change;
    if (to < SPELL_END_TIER) {
      if (key in next) delete edit()[key];
      continue;
    }
    if (to >= ALERT_TIER && from !== null && to > from && to > (next[key] ?? 0)) {
      rises.push(change);
      edit()[key] = to;
    }
  }
  return { rises, ledger: next };
}

/**
 * Worklist customers whose contact due time passed since the last check, with
 * no action logged since they became at risk. The first check (null) only
 * sets the mark: customers overdue before alerts existed show red in the
 * worklist instead of arriving as a burst. Each due time passes once, so this
 * needs no ledger; a new due time (a new tier or spell) can alert again.
 */
export function passedDue<T extends { dueAt: number; lastAction: unknown }>(items: readonly T[], checkedAt: number | null, now: number): T[] {
  if (checkedAt === null) return [];
  return items.filter((item) => item.lastAction === null && item.dueAt > checkedAt && item.dueAt <= now);
}
