import { describe, expect, it } from 'vitest';
import { livePerformance, tierCalibration, type LiveRecord } from '@/lib/monitoring/live-performance';
import { mulberry32 } from '@/lib/model/prng';

const T0 = Date.UTC(2026, 0, 1);
const THRESHOLDS = [0.1, 0.25, 0.45, 0.65];
const CV_AUC = 5 / 6;

describe('tierCalibration', () => {
  it('flags a tier off by more than 5 points beyond noise, not a small or noisy one', () => {
    const records: LiveRecord[] = [];
    // tier 5 (p = 0.8): 200 customers, 50 % churn → 30 points off
    for (let i = 0; i < 200; i++) records.push({ scoredAt: T0, probability: 0.8, churned: i % 2 === 0 });
    // tier 1 (p = 0.05): 200 customers, 5 % churn → calibrated
    for (let i = 0; i < 200; i++) records.push({ scoredAt: T0, probability: 0.05, churned: i % 20 === 0 });
    // tier 3 (p = 0.3): 20 customers, 60 % churn → too few to say
    for (let i = 0; i < 20; i++) records.push({ scoredAt: T0, probability: 0.3, churned: i % 5 < 3 });
    const tiers = tierCalibration(records, THRESHOLDS);
    expect(tiers[4]).toMatchObject({ tier: 5, outcomes: 200, alarm: true });
    expect(tiers[4]!.gap).toBeCloseTo(-0.3, 10);
    expect(tiers[0]).toMatchObject({ tier: 1, outcomes: 200, alarm: false });
    expect(tiers[2]).toMatchObject({ tier: 3, outcomes: 20, alarm: false });
    expect(tiers[1]).toMatchObject({ outcomes: 0, gap: null, alarm: false });
  });
});

describe('livePerformance on a stream whose label rule changes halfway', () => {
  // 12 months, 400 customers scored a month. Months 1–6: churn ~ Bernoulli(p), the rule the model learned
  // (AUC = 5/6 for p uniform: the CV figure). From month 7 the rule changes: churn no longer follows the score.
  function stream(seed: number) {
    const random = mulberry32(seed);
    const records: LiveRecord[] = [];
    for (let month = 0; month < 12; month++) {
      for (let i = 0; i < 400; i++) {
        const p = random();
        const churned = month < 6 ? random() < p : random() < 0.5;
        records.push({ scoredAt: Date.UTC(2026, month, 1 + (i % 28)), probability: p, churned });
      }
    }
    return records;
  }

  it('alarms in the second month after the change (two in a row), never before, over 20 streams', () => {
    let singleDips = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const report = livePerformance(stream(seed), CV_AUC, THRESHOLDS);
      expect(report.months).toHaveLength(12);
      expect(
        report.months.slice(0, 7).every((m) => m.evaluable && !m.aucAlarm),
        `seed ${seed}: no alarm before the change`,
      ).toBe(true);
      expect(report.months[6]!.belowCv, `seed ${seed}: the first month after the change is marked`).toBe(true);
      expect(report.firstAlarm, `seed ${seed}`).toBe('2026-08');
      expect(report.aucWarning).toBe(true);
      singleDips += report.months.slice(0, 6).filter((m) => m.belowCv).length;
    }
    // Chance dips below the line happen before the change (why one month alone does not alarm).
    expect(singleDips).toBeGreaterThan(0);
  });

  it('no alarm while the rule holds, and months without enough outcomes are not read', () => {
    const before = stream(3).filter((r) => r.scoredAt < Date.UTC(2026, 6, 1));
    const report = livePerformance([...before, { scoredAt: Date.UTC(2026, 6, 2), probability: 0.9, churned: false }], CV_AUC, THRESHOLDS);
    expect(report.firstAlarm).toBeNull();
    expect(report.aucWarning).toBe(false);
    expect(report.months[6]).toMatchObject({ month: '2026-07', outcomes: 1, evaluable: false, belowCv: false, aucAlarm: false });
    expect(report.overall.rocAuc).toBeCloseTo(CV_AUC, 1);
    expect(report.overall.brier).toBeGreaterThan(0);
  });
});
