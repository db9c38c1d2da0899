import { describe, expect, it } from 'vitest';
import { compareModels, HOLDOUT_SHARE, isHoldout, retrainReasons } from '@/lib/monitoring/retrain';

const DAY = 86_400_000;

describe('retraining', () => {
  it('holds out a stable quarter of customers', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `https://crm.test\u0000C-${i}`);
    const held = keys.filter(isHoldout).length / keys.length;
    expect(Math.abs(held - HOLDOUT_SHARE)).toBeLessThan(0.015);
    expect(keys.map(isHoldout)).toEqual(keys.map(isHoldout));
  });

  it('offers a challenger on warnings or when the schedule is due', () => {
    const created = Date.UTC(2026, 0, 1);
    const quiet = { drift: false, performance: false, calibration: false };
    expect(retrainReasons(quiet, { everyDays: 0 }, created, created + 400 * DAY)).toEqual([]);
    expect(retrainReasons(quiet, { everyDays: 90 }, created, created + 89 * DAY)).toEqual([]);
    expect(retrainReasons(quiet, { everyDays: 90 }, created, created + 90 * DAY)).toEqual(['schedule']);
    expect(retrainReasons({ drift: true, performance: true, calibration: false }, { everyDays: 0 }, created, created)).toEqual(['drift', 'performance']);
  });

  it('compares both models on the same outcomes', () => {
    const labels = [true, true, false, false, false];
    const result = compareModels(labels, [0.4, 0.2, 0.3, 0.5, 0.1], [0.9, 0.8, 0.3, 0.2, 0.1]);
    expect(result).toMatchObject({ outcomes: 5, churners: 2, challengerBetter: true });
    expect(result.challenger.rocAuc).toBe(1);
    expect(result.champion.rocAuc).toBeCloseTo(0.5, 10); // 3 of 6 pairs ordered
    expect(result.challenger.brier).toBeLessThan(result.champion.brier);
    expect(compareModels(labels, [0.9, 0.8, 0.3, 0.2, 0.1], [0.4, 0.2, 0.3, 0.5, 0.1]).challengerBetter).toBe(false);
  });
});
