import { describe, expect, it } from 'vitest';
import { driftReport, MIN_RECENT, scoreReference } from '@/lib/monitoring/drift';
import { trainingProfile } from '@/lib/model/profile';
import type { FittedColumn, RawRow } from '@/lib/model/types';
import { mulberry32 } from '@/lib/model/prng';

const columns: FittedColumn[] = [
  { name: 'Tenure', kind: 'numeric', center: 0, scale: 1, missingIndicator: false },
  { name: 'Contract', kind: 'categorical', levels: ['Monthly', 'Yearly'] },
];

function rows(n: number, seed: number, shift: { tenure?: number; monthly?: number } = {}): RawRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => ({
    Tenure: String(Math.floor(random() * 72) + (shift.tenure ?? 0)),
    Contract: random() < (shift.monthly ?? 0.5) ? 'Monthly' : 'Yearly',
  }));
}
const scores = (n: number, seed: number, power = 1) => {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => random() ** power);
};

describe('driftReport', () => {
  const training = rows(2000, 1);
  const artifact = { profile: trainingProfile(training, columns, scores(2000, 2)) };

  it('is stable for recent customers drawn like the training rows', () => {
    const report = driftReport(artifact, scores(1000, 3), rows(1000, 4));
    expect(report.reference).toBe('profile');
    expect(report.score!.level).toBe('stable');
    expect(report.inputs.every((i) => i.level === 'stable')).toBe(true);
    expect(report.warning).toBe(false);
  });

  it('names the inputs that drifted, largest first, and flags a shifted score', () => {
    // tenure shifted by 40 months, contract mix 50/50 → 80/20, scores pushed up (p^0.3)
    const report = driftReport(artifact, scores(1000, 3, 0.3), rows(1000, 4, { tenure: 40, monthly: 0.8 }));
    expect(report.drifting).toEqual(['Tenure', 'Contract']);
    expect(report.inputs[0]!.psi).toBeGreaterThan(report.inputs[1]!.psi);
    expect(report.inputs[1]!.psi).toBeGreaterThan(0.2);
    expect(report.score!.level).toBe('drift');
    expect(report.warning).toBe(true);
    const contract = report.inputs.find((i) => i.source === 'Contract')!;
    expect(contract.bins.map((b) => b.bin)).toEqual(['Monthly', 'Yearly', 'other', 'missing']);
    expect(contract.bins[0]!.recent).toBeCloseTo(0.8, 1);
  });

  it('without a profile: the score against the out-of-fold sample, inputs not compared; too few customers: no figure', () => {
    const oofOnly = { evaluation: { oof: { p: scores(2000, 2), y: [] } } } as never;
    expect(scoreReference(oofOnly)?.from).toBe('oof');
    const report = driftReport(oofOnly, scores(500, 9, 0.3), rows(500, 4));
    expect(report.reference).toBe('oof');
    expect(report.score!.level).toBe('drift');
    expect(report.inputs).toEqual([]);
    expect(driftReport(artifact, scores(MIN_RECENT - 1, 3), rows(MIN_RECENT - 1, 4)).score).toBeNull();
    expect(driftReport({}, scores(500, 3), []).reference).toBe('none');
  });
});

describe('inputs the CRM pages do not show', () => {
  it('are listed as unread, not as drift', () => {
    const artifact = { profile: trainingProfile(rows(2000, 1), columns, scores(2000, 2)) };
    const onlyContract = rows(500, 4).map((row) => ({ Contract: row.Contract }));
    const report = driftReport(artifact, scores(500, 3), onlyContract);
    expect(report.unread).toEqual(['Tenure']);
    expect(report.drifting).toEqual([]);
    expect(report.inputs.map((i) => i.source)).toEqual(['Contract', 'Tenure']);
    expect(report.inputs[1]).toMatchObject({ unread: true, level: 'drift' });
    expect(report.warning).toBe(false);
  });
});
