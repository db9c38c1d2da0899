import { customerKey } from '../db/customer-key';
import type { Tier } from '../domain';
import type { ActionRow, CustomerRow, OverrideRow } from '../db/schema';
import { AT_RISK_TIER, ownerOf } from '../db/worklist-keys';
import type { RiskValueQuadrant, WorklistItem } from './agent-views';

const HOUR_MS = 3_600_000;
/** Risk × value cut-offs: high risk from tier 4, high value from the site's median monthly value. */
const HIGH_RISK_TIER = 4;

/** Risk × value: high risk is tier ≥ 4, high value is at or above the median value of the customers compared. */
export function quadrantOf(tier: Tier, value: number | undefined, medianValue: number | null): RiskValueQuadrant | null {
  if (value === undefined || medianValue === null) return null;
  const risk = tier >= HIGH_RISK_TIER ? 'high-risk' : 'low-risk';
  const worth = value >= medianValue ? 'high-value' : 'low-value';
  return `${risk}-${worth}` as RiskValueQuadrant;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The agent's worklist: customers seen at tier ≥ 3 (or pinned there), the
 * biggest expected loss first (probability × monthly value; customers without
 * a value after, by probability), each due within its tier's hours from when
 * it became at-risk. An action logged since then shows as the last action.
 */
export function buildWorklist(
  customers: readonly CustomerRow[],
  overrides: ReadonlyMap<string, OverrideRow>,
  actions: ReadonlyMap<string, ActionRow>,
  dueHours: Readonly<Record<string, number>>,
  filter: { owner?: string; tiers?: readonly Tier[] },
): WorklistItem[] {
  const items: WorklistItem[] = [];
  for (const row of customers) {
    if (!row.lastScore) continue;
    const key = customerKey(row.site, row.crmId);
    const override = overrides.get(key);
    const tier = override?.tier ?? row.lastScore.tier;
    if (tier < AT_RISK_TIER) continue;
    if (filter.tiers?.length && !filter.tiers.includes(tier)) continue;
    const owner = ownerOf(row);
    if (filter.owner && owner !== filter.owner) continue;
    const since = row.atRiskSince ?? row.lastScore.scoredAt;
    const last = actions.get(key);
    const value = row.value ?? null;
    items.push({
      site: row.site,
      crmId: row.crmId,
      name: row.name,
      owner,
      probability: row.lastScore.probability,
      tier,
      value,
      expectedLoss: value === null ? null : row.lastScore.probability * value,
      dueAt: since + (dueHours[String(tier)] ?? 168) * HOUR_MS,
      lastAction: last && last.at >= since ? { kind: last.kind, at: last.at } : null,
      url: row.detailUrl ?? null,
      overridden: !!override,
    });
  }
  return items.sort((a, b) => (b.expectedLoss ?? -1) - (a.expectedLoss ?? -1) || b.probability - a.probability || a.name.localeCompare(b.name));
}
