import { describe, expect, it } from 'vitest';
import { binOf, inputBin, quantileEdges, trainingProfile } from '@/lib/model/profile';
import type { FittedColumn } from '@/lib/model/types';

describe('training profile', () => {
  it('cuts values at distinct deciles, upper-inclusive', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileEdges(sorted)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // few distinct values: fewer bins, none at the maximum
    expect(quantileEdges([1, 1, 1, 1, 2, 2, 2, 3, 3, 3])).toEqual([1, 2]);
    expect(binOf([10, 20], 10)).toBe(0);
    expect(binOf([10, 20], 10.5)).toBe(1);
    expect(binOf([10, 20], 99)).toBe(2);
  });

  it('bins each input as the preprocessor reads it, with a missing bin', () => {
    const columns: FittedColumn[] = [
      { name: 'Tenure', kind: 'numeric', center: 0, scale: 1, missingIndicator: true },
      { name: 'Paperless', kind: 'binary' },
      { name: 'Contract', kind: 'categorical', levels: ['Monthly', 'Yearly', '(missing)'] },
    ];
    const rows = [
      ...Array.from({ length: 8 }, (_, i) => ({ Tenure: String(i + 1), Paperless: 'Yes', Contract: 'Monthly' })),
      { Tenure: '', Paperless: 'No', Contract: 'Weekly' },
      { Tenure: '$4', Paperless: '', Contract: '' },
    ];
    const profile = trainingProfile(rows, columns, [0.1, 0.2, 0.3, 0.4]);
    const [tenure, paperless, contract] = profile.inputs;
    expect(profile.rows).toBe(10);
    expect(tenure!.kind === 'numeric' && tenure!.edges.length).toBeGreaterThan(2);
    expect(tenure!.shares.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(tenure!.shares[tenure!.shares.length - 1]).toBeCloseTo(0.1, 12); // one missing of ten
    expect(inputBin(tenure!, '$4')).toBe(inputBin(tenure!, 4)); // "$4" on a page = 4 in a file
    expect(paperless!.shares).toEqual([0.1, 0.8, 0.1]);
    expect(contract!.kind === 'categorical' && contract!.levels).toEqual(['Monthly', 'Yearly']);
    expect(contract!.shares).toEqual([0.8, 0, 0.1, 0.1]); // Monthly, Yearly, other (Weekly), missing
    expect(profile.score.shares.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });
});
