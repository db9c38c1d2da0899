import { describe, expect, it } from 'vitest';
import { fitPreprocessor, quantile, robustScale, transform, transformRow } from '../../../lib/model/preprocess';
import type { ColumnSpec, FittedColumn, RawRow } from '../../../lib/model/types';

const specs: ColumnSpec[] = [
  { name: 'fee', kind: 'numeric' },
  { name: 'partner', kind: 'binary' },
  { name: 'plan', kind: 'categorical' },
];

// Training rows: fee 10..50 with one blank; partner 3 of 4 answered yes.
const train: RawRow[] = [
  { fee: '10', partner: 'Yes', plan: 'basic' },
  { fee: '20', partner: 'No', plan: 'basic' },
  { fee: '30', partner: 'Yes', plan: 'pro' },
  { fee: '40', partner: 'Yes', plan: 'pro' },
  { fee: '50', partner: '', plan: 'basic' },
  { fee: '', partner: 'No', plan: 'team' },
];

function column<K extends FittedColumn['kind']>(cols: FittedColumn[], name: string, kind: K): Extract<FittedColumn, { kind: K }> {
  const c = cols.find((x) => x.name === name);
  if (!c || c.kind !== kind) throw new Error(`no ${kind} column ${name}`);
  return c as Extract<FittedColumn, { kind: K }>;
}

describe('quantile and robustScale', () => {
  it('interpolates linearly between order statistics (numpy default)', () => {
    const s = [10, 20, 30, 40, 50];
    expect(quantile(s, 0.5)).toBe(30);
    expect(quantile(s, 0.25)).toBe(20);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('uses median and IQR, then the standard deviation, then 1', () => {
    expect(robustScale([10, 20, 30, 40, 50])).toEqual({ center: 30, scale: 20 });
    // IQR 0 (mostly zeros), so the population standard deviation: values 0×8, 10, 30 → mean 4, sd = sqrt((8·16 + 36 + 676)/10)
    const r = robustScale([0, 0, 0, 0, 0, 0, 0, 0, 10, 30]);
    expect(r.center).toBe(0);
    expect(r.scale).toBeCloseTo(Math.sqrt((8 * 16 + 36 + 676) / 10), 12);
    expect(robustScale([7, 7, 7])).toEqual({ center: 7, scale: 1 });
    expect(robustScale([])).toEqual({ center: 0, scale: 1 });
  });
});

describe('fitPreprocessor', () => {
  const prep = fitPreprocessor(train, specs, { minLevelCount: 2 });

  it('fits numeric median/IQR on the present values and adds a missing indicator', () => {
    expect(column(prep.columns, 'fee', 'numeric')).toMatchObject({ center: 30, scale: 20, missingIndicator: true });
  });

  it('fills a missing yes/no with the training share of yes', () => {
    expect(column(prep.columns, 'partner', 'binary').fill).toBeCloseTo(3 / 5, 12);
  });

  it('one-hot encodes levels seen at least minLevelCount times, most frequent first', () => {
    expect(column(prep.columns, 'plan', 'categorical').levels).toEqual(['basic', 'pro']);
  });

  it('names every input and traces it to its column', () => {
    expect(prep.featureNames).toEqual(['fee', 'fee=(missing)', 'partner', 'plan=basic', 'plan=pro']);
    expect(prep.featureSource).toEqual(['fee', 'fee', 'partner', 'plan', 'plan']);
  });

  it('statistics come from the rows given only: held-out rows never change them', () => {
    const heldOut: RawRow[] = [
      { fee: '99999', partner: 'No', plan: 'enterprise' },
      { fee: '88888', partner: 'No', plan: 'enterprise' },
      { fee: '', partner: 'No', plan: 'enterprise' },
    ];
    const before = structuredClone(prep);
    transform(prep, heldOut);
    expect(prep).toEqual(before);
    // What the fold procedure does: fit on the training part → same statistics whatever the held-out rows hold.
    expect(fitPreprocessor(train, specs, { minLevelCount: 2 })).toEqual(prep);
    // Control: had the held-out rows been included, the statistics would differ (so this test can fail).
    const leaky = fitPreprocessor([...train, ...heldOut], specs, { minLevelCount: 2 });
    expect(column(leaky.columns, 'fee', 'numeric').center).toBe(40);
    expect(column(leaky.columns, 'partner', 'binary').fill).not.toBeCloseTo(3 / 5, 6);
    expect(column(leaky.columns, 'plan', 'categorical').levels).toContain('enterprise');
  });

  it('does not add a missing indicator when training had no missing value', () => {
    const p = fitPreprocessor(train.slice(0, 5), [{ name: 'fee', kind: 'numeric' }]);
    expect(p.featureNames).toEqual(['fee']);
    // A missing value at scoring time is then imputed to the median (0 after centering).
    expect(Array.from(transformRow(p, { fee: 'N/A' }))).toEqual([0]);
  });
});

describe('transform', () => {
  const prep = fitPreprocessor(train, specs, { minLevelCount: 2 });

  it('scales, clips, imputes and one-hot encodes row-major', () => {
    const x = transform(prep, [
      { fee: '50', partner: 'No', plan: 'pro' },
      { fee: '', partner: null, plan: 'team' }, // rare level → other (all zeros)
      { fee: '1000000', partner: 'Yes', plan: 'unseen' }, // clipped to +10
    ]);
    expect(x).toBeInstanceOf(Float32Array);
    expect(Array.from(x)).toEqual([
      1, 0, 0, 0, 1,
      0, 1, Math.fround(0.6), 0, 0,
      10, 0, 1, 0, 0,
    ]);
  });

  it('reads CRM page text the same as CSV cells', () => {
    const csv = transform(prep, [{ fee: '29.85', partner: '1', plan: 'basic' }]);
    const page = transform(prep, [{ fee: '$29.85', partner: '是', plan: ' basic ' }]);
    const typed = transform(prep, [{ fee: 29.85, partner: 1, plan: 'basic' }]);
    expect(Array.from(page)).toEqual(Array.from(csv));
    expect(Array.from(typed)).toEqual(Array.from(csv));
  });

  it('treats unreadable numbers as missing', () => {
    expect(Array.from(transformRow(prep, { fee: 'about 30', partner: 'No', plan: 'pro' }))).toEqual([0, 1, 0, 0, 1]);
  });
});
