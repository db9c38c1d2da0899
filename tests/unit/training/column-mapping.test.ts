import { describe, expect, it } from 'vitest';
import {
  guessLabel,
  guessPositive,
  initialMapping,
  labelColumn,
  labelLevels,
  looksLikeDates,
  mappingProblems,
  profileColumns,
  trainingSpecs,
  withRole,
  withType,
} from '@/lib/training/column-mapping';

const rows = Array.from({ length: 30 }, (_, i) => ({
  customerID: `${7590 + i}-VHVEG`,
  Name: `Person ${i}`,
  tenure: String((i * 7) % 72),
  Partner: i % 3 ? 'Yes' : 'No',
  Contract: ['Month-to-month', 'One year', 'Two year'][i % 3]!,
  signup: `2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
  Status: i % 4 ? 'Active' : 'Churned',
  TotalCharges: i === 5 ? ' ' : String(i * 30.5),
}));
const columns = Object.keys(rows[0]!);

describe('profileColumns', () => {
  const profiles = profileColumns(rows, columns);
  const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
  it('types columns like npm run train, plus dates', () => {
    expect(profiles.map((p) => [p.name, p.inferredType])).toEqual([
      ['customerID', 'text'],
      ['Name', 'text'],
      ['tenure', 'numeric'],
      ['Partner', 'binary'],
      ['Contract', 'categorical'],
      ['signup', 'date'],
      ['Status', 'categorical'],
      ['TotalCharges', 'numeric'],
    ]);
    expect(byName.customerID!.idLike).toBe(true);
    expect(byName.signup!.idLike).toBe(false);
  });
  it('counts present, missing and distinct values with the most frequent examples', () => {
    expect(byName.TotalCharges).toMatchObject({ present: 29, missing: 1, distinct: 29 });
    expect(byName.Status).toMatchObject({ present: 30, missing: 0, distinct: 2, examples: ['Active', 'Churned'] });
    expect(byName.Contract!.examples).toEqual(['Month-to-month', 'One year', 'Two year']);
  });
});

describe('looksLikeDates', () => {
  it('needs 95 % of the rows to be dates and a non-digit somewhere', () => {
    expect(
      looksLikeDates(
        new Map([
          ['2024-03-05', 19],
          ['n/a?', 1],
        ]),
        20,
      ),
    ).toBe(true);
    expect(
      looksLikeDates(
        new Map([
          ['2024-03-05', 18],
          ['soon', 2],
        ]),
        20,
      ),
    ).toBe(false);
    expect(looksLikeDates(new Map([['20240305', 10]]), 10)).toBe(false);
    expect(looksLikeDates(new Map(), 0)).toBe(false);
  });
});

describe('guessLabel and the initial mapping', () => {
  it('takes the outcome-named column with 2–10 values as the label', () => {
    const profiles = profileColumns(rows, columns);
    expect(guessLabel(profiles)).toBe('Status');
    const mapping = initialMapping(profiles);
    expect(Object.fromEntries(mapping.map((m) => [m.name, m.role]))).toEqual({
      customerID: 'id',
      Name: 'id',
      tenure: 'feature',
      Partner: 'feature',
      Contract: 'feature',
      signup: 'ignore',
      Status: 'label',
      TotalCharges: 'feature',
    });
  });
  it('reads camel case and Chinese outcome names, and refuses a many-valued one', () => {
    const profile = (name: string, distinct: number) => ({
      name,
      present: 10,
      missing: 0,
      distinct,
      examples: [],
      inferredType: 'categorical' as const,
      idLike: false,
    });
    expect(guessLabel([profile('plan', 3), profile('isChurned', 2)])).toBe('isChurned');
    expect(guessLabel([profile('客户状态', 3)])).toBe('客户状态');
    expect(guessLabel([profile('status', 40)])).toBeNull();
    expect(guessLabel([profile('statusCode', 2)])).toBe('statusCode');
  });
});

describe('editing the mapping', () => {
  const mapping = initialMapping(profileColumns(rows, columns));
  it('keeps one label: a new label sends the old one back to feature', () => {
    const next = withRole(mapping, 'Partner', 'label');
    expect(labelColumn(next)).toBe('Partner');
    expect(next.find((m) => m.name === 'Status')!.role).toBe('feature');
  });
  it('ignores a feature whose type the model cannot read', () => {
    const next = withType(mapping, 'tenure', 'text');
    expect(next.find((m) => m.name === 'tenure')).toEqual({ name: 'tenure', role: 'ignore', type: 'text' });
    expect(withType(mapping, 'tenure', 'categorical').find((m) => m.name === 'tenure')!.role).toBe('feature');
  });
  it('builds specs where only features have a kind', () => {
    const specs = trainingSpecs(withType(mapping, 'tenure', 'categorical'));
    expect(specs.map((s) => [s.name, s.kind])).toEqual([
      ['customerID', 'ignore'],
      ['Name', 'ignore'],
      ['tenure', 'categorical'],
      ['Partner', 'binary'],
      ['Contract', 'categorical'],
      ['signup', 'ignore'],
      ['Status', 'ignore'],
      ['TotalCharges', 'numeric'],
    ]);
    expect(specs.find((s) => s.name === 'Status')!.note).toMatch(/label/);
  });
});

describe('label values', () => {
  it('counts label values, most frequent first, blanks left out', () => {
    expect(labelLevels([{ s: 'No' }, { s: 'Yes' }, { s: ' No ' }, { s: '' }, { s: 'N/A' }], 's')).toEqual([
      { value: 'No', count: 2 },
      { value: 'Yes', count: 1 },
    ]);
  });
  it('guesses the churned value only when exactly one reads so', () => {
    expect(guessPositive([{ value: 'Active' }, { value: 'Churned' }])).toBe('Churned');
    expect(guessPositive([{ value: '否' }, { value: '是' }])).toBe('是');
    expect(guessPositive([{ value: 'Yes' }, { value: 'Churned' }])).toBeNull();
    expect(guessPositive([{ value: 'A' }, { value: 'B' }])).toBeNull();
  });
  it('lists what stops training, in the order to fix it', () => {
    const mapping = initialMapping(profileColumns(rows, columns));
    const levels = labelLevels(rows, 'Status');
    expect(mappingProblems(mapping, levels, 'Churned')).toEqual([]);
    expect(mappingProblems(mapping, levels, null)).toEqual(['no-positive']);
    expect(mappingProblems(mapping, levels, 'Gone')).toEqual(['no-positive']);
    expect(mappingProblems(mapping, [{ value: 'Active' }], 'Active')).toEqual(['label-one-value']);
    const none = mapping.map((m) => ({ ...m, role: 'ignore' as const }));
    expect(mappingProblems(none, levels, 'Churned')).toEqual(['no-label', 'no-features']);
  });
});
