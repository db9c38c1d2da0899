import { describe, expect, it } from 'vitest';
import {
  fitBgNbd,
  logLikelihood,
  logOddsNoPurchase,
  probabilityAlive,
  probabilityNoPurchase,
  validHistory,
  type BgNbdParams,
  type PurchaseHistory,
} from '@/lib/model/btyd/bgnbd';
import { logGamma } from '@/lib/model/btyd/log-gamma';
import { nelderMead } from '@/lib/model/btyd/nelder-mead';
import { mulberry32, type Random } from '@/lib/model/prng';

/** The published CDNOW fit (FHL 2005, 2,357 customers, 39-week calibration; weeks). */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(1e-3)).toBeCloseTo(6.907178885383854, 10);
  });
  it('is NaN outside its domain', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const result = nelderMead((v) => (v[0]! - 3) ** 2 + 2 * (v[1]! + 1) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
  });
  it('treats a non-finite objective as outside the region', () => {
    const result = nelderMead((v) => (v[0]! < 1 ? Number.NaN : (v[0]! - 2) ** 2), [1.5]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});

describe('BG/NBD likelihood and P(alive), by hand', () => {
  it('one-time buyer: ln L = r·ln(α/(α+T)) and P(alive) = 1', () => {
    const h = { x: 0, tx: 0, T: 38.86 };
    // 0.243 · ln(4.414 / 43.274) = 0.243 · (−2.28278) = −0.55471
    expect(logLikelihood(CDNOW, h)).toBeCloseTo(CDNOW.r * Math.log(CDNOW.alpha / (CDNOW.alpha + 38.86)), 12);
    expect(logLikelihood(CDNOW, h)).toBeCloseTo(-0.5547132764381585, 10);
    expect(probabilityAlive(CDNOW, h)).toBe(1);
  });

  it('x = 2, t_x = 30.43, T = 38.86 weeks', () => {
    const h = { x: 2, tx: 30.43, T: 38.86 };
    // P(alive) = 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243) = 1 / (1 + 0.231465 · 1.62578) = 0.72658
    expect(probabilityAlive(CDNOW, h)).toBeCloseTo(0.726578570080673, 10);
    // ln L, from scipy's gammaln/betaln on FHL eq. 6
    expect(logLikelihood(CDNOW, h)).toBeCloseTo(-9.458606307066272, 9);
  });

  it('a customer long silent after one repeat purchase is probably gone', () => {
    const h = { x: 1, tx: 1.71, T: 38.86 };
    expect(probabilityAlive(CDNOW, h)).toBeCloseTo(0.2121009853773791, 10);
    expect(logLikelihood(CDNOW, h)).toBeCloseTo(-4.469093275032589, 9);
  });

  it('P(alive) falls as the silence since the last purchase grows', () => {
    const recent = probabilityAlive(CDNOW, { x: 5, tx: 35, T: 36 });
    const silent = probabilityAlive(CDNOW, { x: 5, tx: 10, T: 36 });
    expect(recent).toBeGreaterThan(silent);
  });

  it('with T → 0 a customer surely made no repeat purchase: L(x = 0) → 1', () => {
    expect(Math.exp(logLikelihood(CDNOW, { x: 0, tx: 0, T: 1e-9 }))).toBeCloseTo(1, 6);
  });
});

describe('probabilityNoPurchase', () => {
  it('is 1 over a zero horizon, and dead-or-quiet over a real one', () => {
    const h = { x: 2, tx: 30.43, T: 38.86 };
    expect(probabilityNoPurchase(CDNOW, h, 0)).toBeCloseTo(1, 12);
    // Given alive, no purchase in h with λ ~ Gamma(r+x, α+T): ((α+T)/(α+T+h))^(r+x)
    const quiet = (43.274 / (43.274 + 39)) ** 2.243;
    expect(probabilityNoPurchase(CDNOW, h, 39)).toBeCloseTo(1 - 0.726578570080673 * (1 - quiet), 9);
  });
  it('falls with the horizon and never goes below 1 − P(alive)', () => {
    const h = { x: 3, tx: 20, T: 30 };
    const short = probabilityNoPurchase(CDNOW, h, 4);
    const long = probabilityNoPurchase(CDNOW, h, 52);
    expect(long).toBeLessThan(short);
    expect(long).toBeGreaterThanOrEqual(1 - probabilityAlive(CDNOW, h));
  });
});

describe('validHistory', () => {
  it('refuses impossible histories', () => {
    expect(validHistory({ x: 1, tx: 5, T: 10 })).toBe(true);
    expect(validHistory({ x: 0, tx: 0, T: 10 })).toBe(true);
    expect(validHistory({ x: 1.5, tx: 5, T: 10 })).toBe(false);
    expect(validHistory({ x: 1, tx: 11, T: 10 })).toBe(false);
    expect(validHistory({ x: 0, tx: 3, T: 10 })).toBe(false);
    expect(validHistory({ x: -1, tx: 0, T: 10 })).toBe(false);
    expect(validHistory({ x: 1, tx: Number.NaN, T: 10 })).toBe(false);
  });
});

/** Gamma(shape, rate) by Marsaglia–Tsang (shape < 1 boosted). */
function gamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(random, shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      // Box–Muller normal
      z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Customers drawn from the BG/NBD process itself. */
function simulate(params: BgNbdParams, n: number, seed: number): PurchaseHistory[] {
  const random = mulberry32(seed);
  const out: PurchaseHistory[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(random, params.r, params.alpha);
    const ga = gamma(random, params.a, 1);
    const p = ga / (ga + gamma(random, params.b, 1));
    const T = 30 + random() * 335;
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (random() < p) break;
    }
    out.push({ x, tx, T });
  }
  return out;
}

describe('fitBgNbd', () => {
  it('recovers the parameters of simulated customers', () => {
    const truth: BgNbdParams = { r: 0.6, alpha: 25, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(simulate(truth, 5000, 7));
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(5000);
    expect(fit.params.r).toBeGreaterThan(truth.r * 0.8);
    expect(fit.params.r).toBeLessThan(truth.r * 1.25);
    expect(fit.params.alpha).toBeGreaterThan(truth.alpha * 0.7);
    expect(fit.params.alpha).toBeLessThan(truth.alpha * 1.4);
    // a and b are less well identified; their mean dropout a/(a+b) is.
    const mean = (p: BgNbdParams) => p.a / (p.a + p.b);
    expect(Math.abs(mean(fit.params) - mean(truth))).toBeLessThan(0.06);
  });

  it("the fitted likelihood is at least the true parameters'", () => {
    const truth: BgNbdParams = { r: 1.2, alpha: 40, a: 0.5, b: 4 };
    const data = simulate(truth, 1500, 11);
    const fit = fitBgNbd(data);
    const atTruth = data.reduce((s, h) => s + logLikelihood(truth, h), 0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atTruth - 1e-6);
  });

  it('skips unusable histories and refuses when none is left', () => {
    expect(() => fitBgNbd([{ x: 1, tx: 20, T: 10 }])).toThrow(/No usable/);
    const fit = fitBgNbd([...simulate({ r: 0.5, alpha: 20, a: 1, b: 3 }, 300, 3), { x: 2, tx: 50, T: 10 }]);
    expect(fit.customers).toBe(300);
  });
});

describe('logOddsNoPurchase', () => {
  const params: BgNbdParams = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
  it('is the logit of probabilityNoPurchase where that is not saturated', () => {
    for (const h of [
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 60, T: 80 },
      { x: 5, tx: 100, T: 300 },
      { x: 1, tx: 10, T: 400 },
    ]) {
      const p = probabilityNoPurchase(params, h, 180);
      expect(logOddsNoPurchase(params, h, 180)).toBeCloseTo(Math.log(p / (1 - p)), 8);
    }
  });
  it('keeps surely-lapsed regulars ordered where the probability rounds to 1', () => {
    const lapsed = [500, 600, 700].map((silence) => ({ x: 29, tx: 800 - silence, T: 800 }));
    expect(lapsed.map((h) => Math.fround(probabilityNoPurchase(params, h, 180)))).toEqual([1, 1, 1]);
    const z = lapsed.map((h) => logOddsNoPurchase(params, h, 180));
    expect(z.every(Number.isFinite)).toBe(true);
    expect(z[0]).toBeLessThan(z[1]!);
    expect(z[1]).toBeLessThan(z[2]!);
  });
});
