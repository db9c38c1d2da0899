/**
 * Risk × value matrix: customers in a 2 × 2 or 3 × 3 grid. Risk bands by tier
 * (2 × 2: tiers 1–3 | 4–5, as the agent's quadrant; 3 × 3: 1–2 | 3 | 4–5);
 * value bands by quantiles of the monthly value of the customers compared
 * (median, or tertiles). Value at stake = Σ p × monthly value.
 */
import type { SiteKey, Tier } from '../domain';
import { tierFor } from './tiers';

export interface MatrixCustomer {
  site: SiteKey;
  crmId: string;
  name: string;
  probability: number;
  /** Monthly value; customers without one are left out of the grid and counted. */
  monthlyValue: number | null;
  url: string | null;
}

export type MatrixSize = 2 | 3;

interface MatrixCell<C extends MatrixCustomer = MatrixCustomer> {
  /** 0 = lowest band. */
  risk: number;
  value: number;
  count: number;
  /** Σ probability × monthly value. */
  atStake: number;
  /** Biggest expected loss first. */
  customers: C[];
}

export interface RiskValueMatrix<C extends MatrixCustomer = MatrixCustomer> {
  size: MatrixSize;
  /** cells[risk][value]. */
  cells: MatrixCell<C>[][];
  /** Lower bounds of value bands 1.. (monthly value), e.g. [median] or [t1, t2]. */
  valueCuts: number[];
  /** Lowest tier of each risk band above the first. */
  riskTiers: Tier[];
  withoutValue: number;
}

const RISK_BAND_TIERS: Record<MatrixSize, Tier[]> = { 2: [4], 3: [3, 4] };

/** The q-quantile (0–1) of sorted values, linear between ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const bandOf = (x: number, cuts: readonly number[]) => cuts.filter((cut) => x >= cut).length;

export function riskValueMatrix<C extends MatrixCustomer>(customers: readonly C[], thresholds: readonly number[], size: MatrixSize): RiskValueMatrix<C> {
  const valued = customers.filter((c) => c.monthlyValue !== null && Number.isFinite(c.monthlyValue));
  const values = valued.map((c) => c.monthlyValue!).sort((a, b) => a - b);
  const valueCuts = values.length ? (size === 2 ? [quantile(values, 0.5)] : [quantile(values, 1 / 3), quantile(values, 2 / 3)]) : [];
  const riskTiers = RISK_BAND_TIERS[size];
  const cells: MatrixCell<C>[][] = Array.from({ length: size }, (_, risk) =>
    Array.from({ length: size }, (_, value) => ({ risk, value, count: 0, atStake: 0, customers: [] as C[] })),
  );
  for (const c of valued) {
    const tier = tierFor(c.probability, thresholds);
    const cell = cells[bandOf(tier, riskTiers)]![bandOf(c.monthlyValue!, valueCuts)]!;
    cell.count++;
    cell.atStake += c.probability * c.monthlyValue!;
    cell.customers.push(c);
  }
  for (const row of cells) for (const cell of row) cell.customers.sort((a, b) => b.probability * b.monthlyValue! - a.probability * a.monthlyValue!);
  return { size, cells, valueCuts, riskTiers, withoutValue: customers.length - valued.length };
}
