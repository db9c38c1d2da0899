/**
 * A customer's churn state over time, as the manager's churn definition
 * labels it (lib/indicators/churn-labels.ts) on what the extension saw at each
 * sighting. KPIs compare a customer's state at a period's start and end.
 */
export interface ChurnState {
  at: number;
  churned: boolean;
}

export interface KpiCustomer {
  key: string;
  firstSeen: number;
  /** Labelled states, oldest first; a sighting the definition cannot judge adds none. */
  states: ChurnState[];
  /** Monthly value when the CRM shows one. */
  value: number | null;
  /** What the customer has brought in so far (lib/kpi/lifetime.ts), when known. */
  lifetimeValue: number | null;
}

/** The state in force just before `t` (the last labelled at < t), or null before the first label. */
export function stateBefore(states: readonly ChurnState[], t: number): boolean | null {
  let lo = 0;
  let hi = states.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (states[mid]!.at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : states[lo - 1]!.churned;
}

/** Drops repeats (a state equal to the one before it), keeping the first time each state was seen. */
export function compactStates(states: readonly ChurnState[]): ChurnState[] {
  const sorted = [...states].sort((a, b) => a.at - b.at);
  return sorted.filter((s, i) => i === 0 || s.churned !== sorted[i - 1]!.churned);
}
