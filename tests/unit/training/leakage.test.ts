import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@/lib/training/column-mapping';
import { balancedAccuracy, findLeakage, groupRuleAccuracy, idLikeReason, leakingColumns, pearson, thresholdRuleAccuracy } from '@/lib/training/leakage';

describe('pearson', () => {
  it('is 1 / −1 on exact lines and the textbook value otherwise', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = 1..4, y = 0 0 1 1: cov = 1 (sum of dx·dy = 2), sxx = 5, syy = 1 → 2 / √5 = 0.894427…
    expect(pearson([1, 2, 3, 4], [0, 0, 1, 1])).toBeCloseTo(2 / Math.sqrt(5), 12);
  });
  it('is NaN for a constant side or fewer than two pairs', () => {
    expect(pearson([1, 1, 1], [0, 1, 0])).toBeNaN();
    expect(pearson([1], [1])).toBeNaN();
  });
});

describe('balanced accuracy of a group rule', () => {
  it('is ½ Σ max(pos/P, neg/N)', () => {
    // P = 4, N = 6. Group A: 3 pos, 1 neg → max(.75, .1667) = .75; B: 1 pos, 5 neg → max(.25, .8333) = .8333.
    expect(
      balancedAccuracy(
        [
          [3, 1],
          [1, 5],
        ],
        4,
        6,
      ),
    ).toBeCloseTo((0.75 + 5 / 6) / 2, 12);
    expect(balancedAccuracy([[3, 1]], 3, 0)).toBeNaN();
  });
  it('is 1 for a column equal to the label, 0.5 for one value only', () => {
    const y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    expect(
      groupRuleAccuracy(
        y.map((v) => (v ? 'gone' : 'here')),
        y,
      ),
    ).toBe(1);
    expect(
      groupRuleAccuracy(
        y.map(() => 'same'),
        y,
      ),
    ).toBe(0.5);
  });
  it('pools values rarer than the minimum group, so a unique id cannot separate', () => {
    const y = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
    const ids = y.map((_, i) => `C${i}`);
    expect(groupRuleAccuracy(ids, y)).toBe(0.5);
    expect(groupRuleAccuracy(ids, y, 1)).toBeCloseTo(1, 12);
  });
  it('keeps missing values as a group of their own', () => {
    // churn date filled for churners only: present ↔ churned.
    const y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const values = y.map((v, i) => (v ? `2024-01-0${i + 1}` : null));
    expect(groupRuleAccuracy(values, y)).toBe(1);
  });
});

describe('threshold rule', () => {
  it('finds the cut that separates the classes, in either direction', () => {
    const y = [0, 0, 0, 1, 1, 1];
    expect(thresholdRuleAccuracy([1, 2, 3, 10, 11, 12], y)).toBe(1);
    expect(thresholdRuleAccuracy([12, 11, 10, 3, 2, 1], y)).toBe(1);
  });
  it('does not cut between equal values', () => {
    // Both classes at value 5: the best is 5 | 9 with one negative on the wrong side.
    // P = 2, N = 3. Left (≤5): pos 1, neg 3 → max(.5, 1) = 1; right: pos 1, neg 0 → .5. BA = .75.
    expect(thresholdRuleAccuracy([5, 5, 5, 5, 9], [1, 0, 0, 0, 1])).toBeCloseTo(0.75, 12);
  });
  it('adds the missing values as their own group', () => {
    // P = 2, N = 2; present: 1 (neg), 2 (pos); missing: 1 pos, 1 neg → max(.5,.5) = .5.
    // Best cut on present: {1} neg → .5, {2} pos → .5 → 1. BA = (1 + .5) / 2 = .75.
    expect(thresholdRuleAccuracy([1, 2, null, null], [0, 1, 1, 0])).toBeCloseTo(0.75, 12);
  });
  it('is 0.5 for noise-free but uninformative values and NaN with one class', () => {
    expect(thresholdRuleAccuracy([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
    expect(thresholdRuleAccuracy([1, 2], [1, 1])).toBeNaN();
  });
});

describe('id-like columns', () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    customerID: `${1000 + i * 7}-AB`,
    email: `p${i}@x.org`,
    seq: String(i + 1),
    score: String(i * 1.5),
    plan: i % 2 ? 'A' : 'B',
  }));
  it('flags unique text, id names and row numbers, not measurements or categories', () => {
    expect(idLikeReason(rows, 'email', false)).toBe('unique-text');
    expect(idLikeReason(rows, 'seq', true)).toBe('row-number');
    expect(idLikeReason(rows, 'score', true)).toBeNull();
    expect(idLikeReason(rows, 'plan', false)).toBeNull();
  });
  it('flags an id name with many distinct values only above 20 of them', () => {
    expect(idLikeReason(rows, 'customerID', false)).toBe('unique-text');
    const many = Array.from({ length: 40 }, (_, i) => ({ regionId: String(i % 30) }));
    expect(idLikeReason(many, 'regionId', true)).toBe('id-name');
    const few = Array.from({ length: 40 }, (_, i) => ({ regionId: String(i % 4) }));
    expect(idLikeReason(few, 'regionId', true)).toBeNull();
  });
});

describe('findLeakage', () => {
  const n = 40;
  const rows = Array.from({ length: n }, (_, i) => {
    const churned = i % 4 === 0;
    return {
      id: `cust-${i}`,
      Status: churned ? 'Churned' : 'Active',
      // Same as the label in different words.
      account_state: churned ? 'closed' : 'open',
      // Days since last order: churners (i % 4 == 0) are all above 200.
      recency: String(churned ? 200 + i : i % 50),
      tenure: String((i * 13) % 70),
      closed_on: churned ? `2024-0${(i % 9) + 1}-15` : '',
      last_call: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    };
  });
  const mapping = (roles: Record<string, ColumnMapping['role']>, types: Record<string, ColumnMapping['type']> = {}): ColumnMapping[] =>
    Object.keys(rows[0]!).map((name) => ({ name, role: roles[name] ?? 'feature', type: types[name] ?? 'categorical' }));

  it('flags columns that restate the label, by rule or by correlation, and ids used as features', () => {
    const warnings = findLeakage({
      rows,
      mapping: mapping({ Status: 'label' }, { recency: 'numeric', tenure: 'numeric', id: 'text' }),
      label: 'Status',
      positive: 'Churned',
    });
    const byColumn = Object.fromEntries(warnings.map((w) => [`${w.column}:${w.kind}`, w]));
    expect(Object.keys(byColumn).sort()).toEqual(['account_state:near-label', 'closed_on:near-label', 'id:id-like', 'recency:near-label']);
    expect(byColumn['account_state:near-label']).toMatchObject({ balancedAccuracy: 1, correlation: null });
    expect(byColumn['id:id-like']).toMatchObject({ distinct: 40, present: 40, reason: 'id-name' });
    expect(leakingColumns(warnings)).toEqual(new Set(['account_state', 'closed_on', 'id', 'recency']));
  });

  it('checks only feature columns', () => {
    const warnings = findLeakage({
      rows,
      mapping: mapping({ Status: 'label', id: 'id', account_state: 'ignore', recency: 'ignore', closed_on: 'ignore' }, { tenure: 'numeric' }),
      label: 'Status',
      positive: 'Churned',
    });
    expect(warnings).toEqual([]);
  });

  it('flags dates later than the label date, a fixed one or a per-row column', () => {
    const roles = { Status: 'label', id: 'id', account_state: 'ignore', recency: 'ignore', closed_on: 'ignore' } as const;
    // last_call runs 2024-01-01 … 2024-01-28; a cut-off of 2024-01-20 has rows on the 21st–28th after it.
    const fixed = findLeakage({
      rows,
      mapping: mapping(roles, { tenure: 'numeric' }),
      label: 'Status',
      positive: 'Churned',
      labelDate: { fixed: Date.UTC(2024, 0, 20) },
    });
    // i % 28 + 1 > 20 for i % 28 in 20..27: i = 20..27 (8 rows) and none of 28..39 (i % 28 = 0..11).
    expect(fixed).toEqual([{ column: 'last_call', kind: 'after-label-date', rows: 8, dated: 40 }]);
    const sameDay = findLeakage({
      rows,
      mapping: mapping(roles, { tenure: 'numeric' }),
      label: 'Status',
      positive: 'Churned',
      labelDate: { fixed: Date.UTC(2024, 0, 28, 12) },
    });
    expect(sameDay).toEqual([]);
    const perRow = rows.map((r) => ({ ...r, snapshot: '2024-01-10' }));
    const byColumn = findLeakage({
      rows: perRow,
      mapping: [...mapping(roles, { tenure: 'numeric' }), { name: 'snapshot', role: 'ignore', type: 'date' }],
      label: 'Status',
      positive: 'Churned',
      labelDate: { column: 'snapshot' },
    });
    // Days 11–28 are after the 10th: i % 28 in 10..27 → i = 10..27 (18) and 38, 39 (i % 28 = 10, 11) → 20 rows.
    expect(byColumn).toEqual([{ column: 'last_call', kind: 'after-label-date', rows: 20, dated: 40 }]);
  });
});
