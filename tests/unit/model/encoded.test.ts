/** Columns read once (lib/model/encoded.ts) give the same preprocessor and inputs as reading the rows' text. */
import { describe, expect, it } from 'vitest';
import { columnEncoder, encodeColumns, fitEncoded, transformEncoded } from '@/lib/model/encoded';
import { fitPreprocessor, transform } from '@/lib/model/preprocess';
import { mulberry32 } from '@/lib/model/prng';
import type { ColumnSpec, RawRow } from '@/lib/model/types';

const specs: ColumnSpec[] = [
  { name: 'fee', kind: 'numeric' },
  { name: 'tenure', kind: 'numeric' },
  { name: 'partner', kind: 'binary' },
  { name: 'plan', kind: 'categorical' },
  { name: 'id', kind: 'ignore', note: 'identifier' },
];

/** Messy cells as exports have them: currency, units, blanks, yes/no words in two languages, rare levels. */
function messyRows(n: number, seed: number): RawRow[] {
  const random = mulberry32(seed);
  const plans = ['basic', ' pro', 'team', 'Enterprise', 'rare-1', 'rare-2', ''];
  const yes = ['Yes', 'no', '是', '否', '', 'maybe'];
  return Array.from({ length: n }, (_, i) => ({
    id: String(i),
    fee: random() < 0.05 ? '' : random() < 0.1 ? `$${(random() * 100).toFixed(2)}` : (random() * 100).toFixed(2),
    tenure: random() < 0.02 ? 'n/a' : `${Math.floor(random() * 72)} months`,
    partner: yes[Math.floor(random() * yes.length)]!,
    plan: plans[Math.min(plans.length - 1, Math.floor(random() ** 2 * plans.length))]!,
  }));
}

describe('encoded columns', () => {
  const rows = messyRows(1500, 7);
  const table = encodeColumns(rows, specs);
  const features = specs.filter((s) => s.kind !== 'ignore');

  it('fit and transform on a subset of rows equal the row-by-row preprocessor', () => {
    const subset = Array.from({ length: rows.length }, (_, i) => i).filter((i) => i % 3 !== 1);
    const subsetRows = subset.map((i) => rows[i]!);
    for (const options of [{}, { minLevelCount: 200, splineKnots: 2 }]) {
      const expected = fitPreprocessor(subsetRows, features, options);
      const prep = fitEncoded(table, subset, features, options);
      expect(prep).toEqual(expected);
      const others = Array.from({ length: rows.length }, (_, i) => i).filter((i) => i % 3 === 1);
      expect(transformEncoded(prep, table, others)).toEqual(
        transform(
          expected,
          others.map((i) => rows[i]!),
        ),
      );
    }
  });

  it('reads only feature columns, and grows past its first capacity row by row', () => {
    expect([...table.columns.keys()]).toEqual(['fee', 'tenure', 'partner', 'plan']);
    const encoder = columnEncoder(features);
    for (const row of rows) encoder.add(row);
    const streamed = encoder.table();
    expect(streamed.rows).toBe(1500);
    expect(streamed).toEqual(table);
    const fee = streamed.columns.get('fee');
    expect(fee?.kind === 'numeric' && Number.isNaN(fee.values[rows.findIndex((r) => r.fee === '')]!)).toBe(true);
  });
});
