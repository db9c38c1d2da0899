/**
 * BG/NBD "buy till you die" model (Fader, Hardie & Lee 2005, "Counting your
 * customers the easy way"): while alive a customer buys at a Poisson rate
 * λ ~ Gamma(r, α); after each repeat purchase they drop out with probability
 * p ~ Beta(a, b). A customer is summarised by x (repeat purchases), t_x (time
 * of the last purchase) and T (time since the first purchase), all in the
 * same time unit (days here; the published CDNOW fit is in weeks).
 *
 * Needs no labels: the parameters are fitted by maximum likelihood on a
 * site's own customers, so a new site gets a score from what it shows.
 */
import { logGamma } from './log-gamma';
import { nelderMead } from './nelder-mead';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface PurchaseHistory {
  /** Repeat purchases (orders − 1), ≥ 0. */
  x: number;
  /** Time from the first purchase to the last (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to now, ≥ tx. */
  T: number;
}

/** ln(e^u + e^v) without overflow. */
function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v;
  if (v === Number.NEGATIVE_INFINITY) return u;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/**
 * ln L(r, α, a, b | x, t_x, T), FHL 2005 eq. 6:
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 */
export function logLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  const common = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  // B(a, b+x)/B(a, b) = Γ(b+x)Γ(a+b) / (Γ(b)Γ(a+b+x))
  const stays = logGamma(b + x) + logGamma(a + b) - logGamma(b) - logGamma(a + b + x) - (r + x) * Math.log(alpha + T);
  // B(a+1, b+x−1)/B(a, b) = a/(b+x−1) · B(a, b+x)/B(a, b)
  const dropped =
    x > 0
      ? Math.log(a) - Math.log(b + x - 1) + logGamma(b + x) + logGamma(a + b) - logGamma(b) - logGamma(a + b + x) - (r + x) * Math.log(alpha + tx)
      : Number.NEGATIVE_INFINITY;
  return common + logAddExp(stays, dropped);
}

/** P(alive at T | x, t_x, T), FHL 2005 eq. 13: 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * P(no purchase in (T, T+h] | x, t_x, T): dead, or alive and the Poisson
 * process gives no event. Given alive, λ's posterior is Gamma(r+x, α+T), so
 * P(no event | alive) = E[e^(−λh)] = ((α+T)/(α+T+h))^(r+x). This is the
 * product's churn ("no order within the horizon") as the model sees it.
 */
export function probabilityNoPurchase(params: BgNbdParams, history: PurchaseHistory, horizon: number): number {
  const alive = probabilityAlive(params, history);
  const quiet = Math.exp((params.r + history.x) * (Math.log(params.alpha + history.T) - Math.log(params.alpha + history.T + horizon)));
  return 1 - alive * (1 - quiet);
}

/**
 * ln(P / (1 − P)) of probabilityNoPurchase, computed in log space: for a
 * customer the model holds surely gone (many orders, long silent) P rounds
 * to 1 and its logit to +∞, so a site's lapsed regulars would all tie at the
 * top; here they stay ordered (longer silence, more orders: more surely gone).
 *   ln P(purchase) = ln P(alive) + ln(1 − Q), ln P(alive) = −softplus(dead log-odds)
 */
export function logOddsNoPurchase({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: PurchaseHistory, horizon: number): number {
  const deadLogOdds = x === 0 ? Number.NEGATIVE_INFINITY : Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  const logAlive = -softplus(deadLogOdds);
  const logQuiet = (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + horizon));
  const logBuys = logAlive + Math.log(-Math.expm1(logQuiet));
  return Math.log(-Math.expm1(logBuys)) - logBuys;
}

/** ln(1 + e^v) without overflow. */
function softplus(v: number): number {
  if (v === Number.NEGATIVE_INFINITY) return 0;
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

/** Histories that are usable: finite, x a whole number ≥ 0, 0 ≤ t_x ≤ T, and t_x = 0 when x = 0. */
export function validHistory({ x, tx, T }: PurchaseHistory): boolean {
  return Number.isInteger(x) && x >= 0 && Number.isFinite(tx) && Number.isFinite(T) && tx >= 0 && T >= tx && (x > 0 || tx === 0);
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Summed log-likelihood at the fitted parameters. */
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

/** Log-parameters are kept in ±LOG_BOUND: beyond, the likelihood is flat and the simplex would wander off. */
const LOG_BOUND = 12;

/**
 * Maximum-likelihood fit (Nelder–Mead on the log-parameters, restarted from
 * its own optimum until the likelihood stops improving). Identical
 * histories are grouped, so a site with many alike customers costs little.
 * Throws when no history is usable.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[]): BgNbdFit {
  const groups = new Map<string, { history: PurchaseHistory; weight: number }>();
  for (const h of histories) {
    if (!validHistory(h)) continue;
    const key = `${h.x}|${h.tx}|${h.T}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { history: h, weight: 1 });
  }
  const list = [...groups.values()];
  const n = list.reduce((s, g) => s + g.weight, 0);
  if (n === 0) throw new RangeError('No usable purchase history to fit a BG/NBD model on.');
  const total = (params: BgNbdParams) => list.reduce((s, g) => s + g.weight * logLikelihood(params, g.history), 0);
  const fromLog = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const objective = (v: readonly number[]) => (v.some((p) => Math.abs(p) > LOG_BOUND) ? Number.POSITIVE_INFINITY : -total(fromLog(v)) / n);

  // Start where the mean purchase rate r/α matches the data's.
  const meanX = list.reduce((s, g) => s + g.weight * g.history.x, 0) / n;
  const meanT = list.reduce((s, g) => s + g.weight * g.history.T, 0) / n;
  let start = [0, Math.log(Math.max(1e-3, meanT / Math.max(meanX, 0.1))), 0, 0];
  let result = nelderMead(objective, start, { step: 1 });
  for (let restart = 0; restart < 5; restart++) {
    start = result.x;
    const next = nelderMead(objective, start, { step: 0.25 });
    const improved = next.value < result.value - 1e-9;
    if (next.value <= result.value) result = next;
    if (!improved) break;
  }
  return { params: fromLog(result.x), logLikelihood: -result.value * n, customers: n, converged: result.converged };
}
