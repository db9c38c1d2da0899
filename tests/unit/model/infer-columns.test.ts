import { describe, expect, it } from 'vitest';
import { columnLevels, inferColumns, looksLikeIdName } from '@/lib/model/infer-columns';
import type { RawRow } from '@/lib/model/types';

/** rows from a compact column-major description */
function table(columns: Record<string, (string | number | null)[]>): { rows: RawRow[]; names: string[] } {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const rows = Array.from({ length: n }, (_, i) => Object.fromEntries(names.map((c) => [c, columns[c]![i]!])));
  return { rows, names };
}

const kinds = (specs: { name: string; kind: string }[]) => Object.fromEntries(specs.map((s) => [s.name, s.kind]));

describe('inferColumns', () => {
  const n = 12;
  const seq = (f: (i: number) => string | number | null) => Array.from({ length: n }, (_, i) => f(i));
  const { rows, names } = table({
    customerID: seq((i) => `C-${1000 + i * 7}`),
    Email: seq((i) => `user${i}@example.com`),
    tenure: seq((i) => String((i * 5) % 37)),
    Fee: seq((i) => (i % 3 === 0 ? `$${20 + i}.50` : `${20 + i}.5`)), // money and plain mixed
    Tenure2: seq((i) => (i % 2 ? `${(i * 5) % 13} months` : `${(i * 5) % 13} 个月`)),
    Senior: seq((i) => String(i % 2)),
    Partner: seq((i) => (i % 3 ? 'Yes' : 'No')),
    VIP: seq((i) => (i % 4 ? '否' : '是')),
    Contract: seq((i) => ['Month-to-month', 'One year', 'Two year'][i % 3]!),
    Country: seq(() => 'CN'),
    Empty: seq(() => ''),
    Churn: seq((i) => (i % 4 === 0 ? 'Yes' : 'No')),
    RowNo: seq((i) => String(i + 1)),
    TotalCharges: seq((i) => (i === 3 ? ' ' : String(100 + i * 13.25))),
  });
  const specs = inferColumns(rows, names, 'Churn');

  it('returns one spec per column, in order', () => {
    expect(specs.map((s) => s.name)).toEqual(names);
  });

  it('types each column by the documented rules', () => {
    expect(kinds(specs)).toEqual({
      customerID: 'ignore',
      Email: 'ignore',
      tenure: 'numeric',
      Fee: 'numeric',
      Tenure2: 'numeric',
      Senior: 'binary',
      Partner: 'binary',
      VIP: 'binary',
      Contract: 'categorical',
      Country: 'ignore',
      Empty: 'ignore',
      Churn: 'ignore',
      RowNo: 'ignore',
      TotalCharges: 'numeric',
    });
  });

  it('explains ignored columns and missing values', () => {
    const note = (name: string) => specs.find((s) => s.name === name)!.note ?? '';
    expect(note('customerID')).toMatch(/identifier/);
    expect(note('Email')).toMatch(/different on every row/);
    expect(note('Country')).toMatch(/constant/);
    expect(note('Empty')).toMatch(/no values/);
    expect(note('Churn')).toMatch(/label/);
    expect(note('RowNo')).toMatch(/row number/);
    expect(note('TotalCharges')).toMatch(/1 missing/);
  });

  it('keeps many-level text categorical when frequent levels cover most rows, else ignores it', () => {
    const many = Array.from({ length: 400 }, (_, i) => (i < 380 ? `City${i % 5}` : `Rare${i}`));
    const free = Array.from({ length: 400 }, (_, i) => `comment number ${i % 200}`);
    const t = table({ City: many, Comment: free, y: many.map((_, i) => String(i % 2)) });
    expect(kinds(inferColumns(t.rows, t.names, 'y'))).toEqual({ City: 'categorical', Comment: 'ignore', y: 'ignore' });
  });

  it('numbers with an id-like name and few levels are a categorical code', () => {
    const t = table({ RegionId: seq((i) => String(i % 4)), y: seq((i) => String(i % 2)) });
    expect(kinds(inferColumns(t.rows, t.names, 'y')).RegionId).toBe('categorical');
  });

  it('a column with a few unreadable values among many numbers stays numeric, with a note', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i === 7 ? 'unknown' : String(i * 1.5)));
    const t = table({ Spend: values, y: values.map((_, i) => String(i % 2)) });
    const spec = inferColumns(t.rows, t.names, 'y')[0]!;
    expect(spec.kind).toBe('numeric');
    expect(spec.note).toMatch(/1 value\(s\) not numbers.*unknown/);
  });

  it('yes/no with only one answer present is not binary', () => {
    const t = table({ Flag: seq((i) => (i % 2 ? 'Yes' : '')), y: seq((i) => String(i % 2)) });
    expect(kinds(inferColumns(t.rows, t.names, 'y')).Flag).toBe('ignore');
  });

  it('recognises id-like names without false alarms', () => {
    for (const name of ['id', 'ID', 'customerID', 'CustomerId', 'user_id', 'account-uuid', '客户编号', 'EmployeeNumber', 'RowNumber', 'customer_no'])
      expect(looksLikeIdName(name), name).toBe(true);
    for (const name of ['Paid', 'Valid', 'idle_days', 'Identity score', 'tenure', 'NumCompaniesWorked', 'Number vmail messages', 'NumOfProducts'])
      expect(looksLikeIdName(name), name).toBe(false);
  });
});

describe('columnLevels', () => {
  it('counts each value as text, numbers as written and text trimmed, with placeholders left out', () => {
    const rows: RawRow[] = [{ plan: ' Pro ' }, { plan: 'Pro' }, { plan: 'N/A' }, { plan: '' }, { plan: 12 }, {}];
    const { levels, present } = columnLevels(rows, 'plan');
    expect(present).toBe(3);
    expect([...levels]).toEqual([
      ['Pro', 2],
      ['12', 1],
    ]);
  });
});
