import { describe, expect, it } from 'vitest';
import { compileTransform, fitPreprocessor, isPlainDecimal, numericValue, quantile, robustScale, transform, transformRow } from '@/lib/model/preprocess';
import type { ColumnSpec, FittedColumn, RawRow } from '@/lib/model/types';

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

/** The layout tests below are about scaling, imputing and one-hot inputs; spline knots have their own tests. */
const NO_SPLINE = { minLevelCount: 2, splineKnots: 0 };

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
  const prep = fitPreprocessor(train, specs, NO_SPLINE);

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
    expect(fitPreprocessor(train, specs, NO_SPLINE)).toEqual(prep);
    // Control: had the held-out rows been included, the statistics would differ (so this test can fail).
    const leaky = fitPreprocessor([...train, ...heldOut], specs, NO_SPLINE);
    expect(column(leaky.columns, 'fee', 'numeric').center).toBe(40);
    expect(column(leaky.columns, 'partner', 'binary').fill).not.toBeCloseTo(3 / 5, 6);
    expect(column(leaky.columns, 'plan', 'categorical').levels).toContain('enterprise');
  });

  it('does not add a missing indicator when training had no missing value', () => {
    const p = fitPreprocessor(train.slice(0, 5), [{ name: 'fee', kind: 'numeric' }], NO_SPLINE);
    expect(p.featureNames).toEqual(['fee']);
    // A missing value at scoring time is then imputed to the median (0 after centering).
    expect(Array.from(transformRow(p, { fee: 'N/A' }))).toEqual([0]);
  });
});

describe('transform', () => {
  const prep = fitPreprocessor(train, specs, NO_SPLINE);

  it('scales, clips, imputes and one-hot encodes row-major', () => {
    const x = transform(prep, [
      { fee: '50', partner: 'No', plan: 'pro' },
      { fee: '', partner: null, plan: 'team' }, // rare level → other (all zeros)
      { fee: '1000000', partner: 'Yes', plan: 'unseen' }, // clipped to +10
    ]);
    expect(x).toBeInstanceOf(Float32Array);
    expect(Array.from(x)).toEqual([1, 0, 0, 0, 1, 0, 1, Math.fround(0.6), 0, 0, 10, 0, 1, 0, 0]);
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

describe('spline knots', () => {
  // 1…20: median 10.5, IQR 15.25 − 5.75 = 9.5; quintiles 4.8, 8.6, 12.4, 16.2.
  const rows: RawRow[] = Array.from({ length: 20 }, (_, i) => ({ x: String(i + 1) }));
  const prep = fitPreprocessor(rows, [{ name: 'x', kind: 'numeric' }]);

  it('puts knots at the training quintiles, in scaled units, named in the column’s own units', () => {
    const c = column(prep.columns, 'x', 'numeric');
    expect(c).toMatchObject({ center: 10.5, scale: 9.5 });
    expect(c.knots).toHaveLength(4);
    [-0.6, -0.2, 0.2, 0.6].forEach((k, j) => expect(c.knots![j]).toBeCloseTo(k, 12));
    expect(prep.featureNames).toEqual(['x', 'x>4.8', 'x>8.6', 'x>12.4', 'x>16.2']);
    expect(prep.featureSource).toEqual(['x', 'x', 'x', 'x', 'x']);
  });

  it('adds one input max(0, z − knot) per knot', () => {
    // 14 → z = 3.5 / 9.5 = 0.368421…; above the first three knots.
    const z = 3.5 / 9.5;
    const x = Array.from(transformRow(prep, { x: '14' }));
    [z, z + 0.6, z + 0.2, z - 0.2, 0].forEach((v, j) => expect(x[j]).toBeCloseTo(v, 6));
    // Below every knot: only the linear input.
    expect(Array.from(transformRow(prep, { x: '1' }))).toEqual([Math.fround(-9.5 / 9.5), 0, 0, 0, 0]);
  });

  it('a missing value sits at the median for the spline too', () => {
    const withGap = fitPreprocessor([...rows, { x: '' }], [{ name: 'x', kind: 'numeric' }]);
    expect(withGap.featureNames).toEqual(['x', 'x=(missing)', 'x>4.8', 'x>8.6', 'x>12.4', 'x>16.2']);
    const x = Array.from(transformRow(withGap, { x: '' }));
    // z = 0 (the median) is above the two negative knots.
    [0, 1, 0.6, 0.2, 0, 0].forEach((v, j) => expect(x[j]).toBeCloseTo(v, 6));
  });

  it('with 3–9 distinct values, a knot at every interior value (a count such as products: any shape per level)', () => {
    // 0…8, ten rows each: median 4, IQR 6 − 2 = 4; knots at 1…7 → (v − 4) / 4.
    const nine = fitPreprocessor(
      Array.from({ length: 90 }, (_, i) => ({ x: String(i % 9) })),
      [{ name: 'x', kind: 'numeric' }],
    );
    expect(column(nine.columns, 'x', 'numeric').knots).toEqual([1, 2, 3, 4, 5, 6, 7].map((v) => (v - 4) / 4));
    expect(nine.featureNames).toEqual(['x', 'x>1', 'x>2', 'x>3', 'x>4', 'x>5', 'x>6', 'x>7']);
    // 1, 2, 3, 4 products: the linear input plus bends at 2 and 3 fit any four level effects.
    const products = fitPreprocessor(
      [1, 1, 2, 2, 2, 3, 4].map((v) => ({ x: String(v) })),
      [{ name: 'x', kind: 'numeric' }],
    );
    expect(products.featureNames).toEqual(['x', 'x>2', 'x>3']);
  });

  it('no knots with two values, or when turned off', () => {
    const two = fitPreprocessor(
      [0, 5, 5, 0].map((v) => ({ x: String(v) })),
      [{ name: 'x', kind: 'numeric' }],
    );
    expect(column(two.columns, 'x', 'numeric').knots).toBeUndefined();
    const off = fitPreprocessor(rows, [{ name: 'x', kind: 'numeric' }], { splineKnots: 0 });
    expect(off.featureNames).toEqual(['x']);
  });

  it('drops knots that coincide or sit at the ends (mostly-zero columns)', () => {
    // 70 zeros then 1…30: the 20/40/60 % quantiles are all 0 = the minimum, so only the 80 % one is a knot.
    const skewed = [...Array.from({ length: 70 }, () => ({ x: '0' })), ...Array.from({ length: 30 }, (_, i) => ({ x: String(i + 1) }))];
    const p = fitPreprocessor(skewed, [{ name: 'x', kind: 'numeric' }]);
    expect(p.featureNames).toEqual(['x', 'x>10.2']);
  });
});

describe('compileTransform', () => {
  const prep = fitPreprocessor(train, specs, NO_SPLINE);

  it('gives what transform gives, reusing its memos across calls', () => {
    const run = compileTransform(prep);
    expect(Array.from(run(train))).toEqual(Array.from(transform(prep, train)));
    expect(Array.from(run(train.slice(0, 2)))).toEqual(Array.from(transform(prep, train.slice(0, 2))));
  });

  it('writes the given values for a column the row does not have at all', () => {
    const baseline = [7, 8, 9, 10, 11];
    const run = compileTransform(prep, { unobserved: baseline });
    expect(Array.from(run([{ plan: 'pro' }]))).toEqual([7, 8, 9, 0, 1]);
    // Present but blank is observed: missing, not the baseline.
    expect(Array.from(run([{ fee: '', partner: '', plan: 'pro' }]))).toEqual([0, 1, Math.fround(0.6), 0, 1]);
  });
});

describe('isPlainDecimal (the fast path for numeric cells)', () => {
  it('accepts only what Number() and the CSV number parser read the same way', () => {
    for (const text of ['0', '7', '-3', '29.85', '1889.50', '-0.5', '123456789012345']) {
      expect(isPlainDecimal(text), text).toBe(true);
      expect(Number(text), text).toBe(numericValue(text));
    }
    for (const text of ['', '-', '.5', '5.', '007', '1,234', '$29.85', ' 29.85', '29.85 ', '1e5', '+3', '12 months', '1234567890123456']) {
      expect(isPlainDecimal(text), text).toBe(false);
    }
  });
});
