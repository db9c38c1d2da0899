import { describe, expect, it } from 'vitest';
import { powerAt, sampleSize } from '@/lib/experiments/stats/power';
import { mixtureHalfWidth, mixtureRho2, sequentialDifference } from '@/lib/experiments/stats/sequential';
import { newcombeDifference } from '@/lib/experiments/stats/intervals';
import { twoSidedZ } from '@/lib/experiments/stats/normal';
import { mulberry32 } from '@/lib/model/prng';

describe('sample size and power', () => {
  // Fleiss, Levin & Paik (2003), Statistical Methods for Rates and Proportions, §4.2:
  // P1 = .30, P2 = .45, α = .05 two-sided, power .80 → n' = 162.3, i.e. 163 per group.
  it('matches the textbook example with equal groups', () => {
    const n = sampleSize({ controlRate: 0.45, treatedRate: 0.3, controlShare: 0.5 });
    expect(n.control).toBe(163);
    expect(n.treated).toBe(163);
  });
  it('needs more customers for a small control share and reaches the asked power at the size it names', () => {
    const plan = { controlRate: 0.3, treatedRate: 0.24, controlShare: 0.1 };
    const even = sampleSize({ ...plan, controlShare: 0.5 });
    const skewed = sampleSize(plan);
    expect(skewed.total).toBeGreaterThan(even.total);
    expect(skewed.control / skewed.total).toBeCloseTo(0.1, 2);
    expect(powerAt(plan, skewed.total)).toBeGreaterThanOrEqual(0.8);
    expect(powerAt(plan, skewed.total - 20)).toBeLessThan(0.8);
    expect(powerAt(plan, 0)).toBe(0);
  });
  it('refuses an effect of zero and rates outside (0, 1)', () => {
    expect(() => sampleSize({ controlRate: 0.3, treatedRate: 0.3, controlShare: 0.1 })).toThrow(RangeError);
    expect(() => sampleSize({ controlRate: 1.2, treatedRate: 0.3, controlShare: 0.1 })).toThrow(RangeError);
  });
  it('reaches the promised power in simulation (z test at the planned size)', () => {
    const plan = { controlRate: 0.4, treatedRate: 0.3, controlShare: 0.2 };
    const { control, treated } = sampleSize(plan);
    const random = mulberry32(7);
    const z = twoSidedZ(0.05);
    let rejected = 0;
    const runs = 400;
    for (let r = 0; r < runs; r++) {
      let ec = 0;
      let et = 0;
      for (let i = 0; i < control; i++) if (random() < plan.controlRate) ec++;
      for (let i = 0; i < treated; i++) if (random() < plan.treatedRate) et++;
      const pooled = (ec + et) / (control + treated);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / control + 1 / treated));
      if (Math.abs(ec / control - et / treated) / se > z) rejected++;
    }
    expect(rejected / runs).toBeGreaterThan(0.74);
    expect(rejected / runs).toBeLessThan(0.87);
  });
});

describe('always-valid confidence sequence', () => {
  it('computes the normal-mixture boundary by its formula', () => {
    const rho2 = mixtureRho2(0.05, 1000);
    const l = -2 * Math.log(0.05);
    expect(rho2).toBeCloseTo((l + Math.log(l + 1)) / 1000, 12);
    // t = 1000, ρ² as above: sqrt(2(tρ²+1)/(t²ρ²) · ln(sqrt(tρ²+1)/α)) by hand.
    const a = 1000 * rho2 + 1;
    expect(mixtureHalfWidth(1000, 0.05, rho2)).toBeCloseTo(Math.sqrt(((2 * a) / (1e6 * rho2)) * Math.log(Math.sqrt(a) / 0.05)), 12);
    expect(mixtureHalfWidth(0, 0.05, rho2)).toBe(Infinity);
  });
  it('is always wider than the fixed-sample interval, and shrinks as customers arrive', () => {
    let previous = Infinity;
    for (const n of [50, 200, 1000, 5000, 20000]) {
      const view = sequentialDifference(Math.round(n * 0.3), n, Math.round(n * 0.25), n, 2000);
      const fixed = newcombeDifference(Math.round(n * 0.3), n, Math.round(n * 0.25), n);
      expect(view.high - view.low).toBeGreaterThan(fixed.high - fixed.low);
      expect(view.high - view.low).toBeLessThan(previous);
      previous = view.high - view.low;
    }
  });
  it('says nothing before both arms have customers', () => {
    expect(sequentialDifference(0, 0, 3, 10, 100)).toEqual({ estimate: 0, low: -1, high: 1, conclusive: false });
  });
  it('keeps the chance of ever being misled by daily peeks ≤ α, where naive peeking is not', () => {
    // 300 null experiments (both arms churn 30 %), 40 customers a day for 50 days, looked at every day.
    const random = mulberry32(2024);
    let sequentialErrors = 0;
    let naiveErrors = 0;
    const runs = 300;
    for (let r = 0; r < runs; r++) {
      let ec = 0,
        nc = 0,
        et = 0,
        nt = 0;
      let seqWrong = false;
      let naiveWrong = false;
      for (let day = 0; day < 50; day++) {
        for (let i = 0; i < 40; i++) {
          const churned = random() < 0.3 ? 1 : 0;
          if (random() < 0.5) {
            nc++;
            ec += churned;
          } else {
            nt++;
            et += churned;
          }
        }
        if (sequentialDifference(ec, nc, et, nt, 2000).conclusive) seqWrong = true;
        const fixed = newcombeDifference(ec, nc, et, nt);
        if (fixed.low > 0 || fixed.high < 0) naiveWrong = true;
      }
      if (seqWrong) sequentialErrors++;
      if (naiveWrong) naiveErrors++;
    }
    expect(sequentialErrors / runs).toBeLessThanOrEqual(0.05);
    expect(naiveErrors / runs).toBeGreaterThan(0.15);
  });
  it('concludes on a real effect well within the planned size', () => {
    const random = mulberry32(99);
    let ec = 0,
      nc = 0,
      et = 0,
      nt = 0;
    let concludedAt = -1;
    for (let i = 0; i < 4000 && concludedAt < 0; i++) {
      if (random() < 0.5) {
        nc++;
        ec += random() < 0.4 ? 1 : 0;
      } else {
        nt++;
        et += random() < 0.25 ? 1 : 0;
      }
      if (i % 50 === 49 && sequentialDifference(ec, nc, et, nt, 2000).conclusive) concludedAt = i + 1;
    }
    expect(concludedAt).toBeGreaterThan(0);
    expect(concludedAt).toBeLessThan(2000);
  });
});
