import { beforeAll, describe, expect, it } from 'vitest';
import { createScorer, baselineProbability } from '@/lib/model/scorer';
import { trainModel } from '@/lib/model/train';
import type { ModelArtifact, Scorer } from '@/lib/model/types';
import { syntheticChurn } from './synthetic';

const logit = (p: number) => Math.log(p / (1 - p));
const data = syntheticChurn({ rows: 500, seed: 5 });
let artifact: ModelArtifact;
let scorer: Scorer;

beforeAll(async () => {
  ({ artifact } = await trainModel({
    rows: data.rows,
    columns: data.columns,
    label: 'churn',
    folds: 3,
    name: 'synthetic',
    trainedBy: 'vitest',
    source: 'synthetic',
    model: 'logistic',
    learningCurve: false,
  }));
  scorer = await createScorer(artifact);
});

describe('createScorer (logistic regression: exact explanations)', () => {
  it('predicts one probability per row, in order', () => {
    const p = scorer.predict(data.rows.slice(0, 20));
    expect(p).toBeInstanceOf(Float32Array);
    expect(p).toHaveLength(20);
    for (const v of p) expect(v > 0 && v < 1).toBe(true);
    expect(scorer.predict([data.rows[7]!])[0]).toBeCloseTo(p[7]!, 6);
    expect(scorer.predict([])).toHaveLength(0);
  });

  it('scores CRM page text like the CSV it was trained on', () => {
    const csv = { fee: '80.00', tenure: '3', partner: 'No', plan: 'basic' };
    const page = { fee: '$80', tenure: '3 个月', partner: '否', plan: 'basic' };
    const [a, b] = scorer.predict([csv, page]);
    expect(b).toBe(a);
  });

  it('explains exactly: contributions sum to logit(p) − logit(p_baseline)', () => {
    const base = logit(baselineProbability(artifact));
    for (const row of data.rows.slice(0, 40)) {
      const p = scorer.predict([row])[0]!;
      const reasons = scorer.explain(row);
      const total = reasons.reduce((s, r) => s + r.contribution, 0);
      expect(total).toBeCloseTo(logit(p) - base, 4);
    }
  });

  it('gives one reason per source column (a one-hot group is one reason), largest first', () => {
    const row = { fee: '$95.10', tenure: '2 months', partner: 'No', plan: 'basic', note: 'ignored column' };
    const reasons = scorer.explain(row);
    expect(reasons.map((r) => r.field).sort()).toEqual(['fee', 'partner', 'plan', 'tenure']);
    const sizes = reasons.map((r) => Math.abs(r.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(reasons.find((r) => r.field === 'fee')!.value).toBe('$95.10');
    expect(reasons.find((r) => r.field === 'plan')!.value).toBe('basic');
    // High fee, short tenure, no partner and the basic plan all raise risk in this data.
    for (const field of ['fee', 'tenure', 'partner', 'plan']) {
      expect(reasons.find((r) => r.field === field)!.contribution, field).toBeGreaterThan(0);
    }
  });

  it('scores and explains many rows at once exactly as one at a time', () => {
    const rows = data.rows.slice(0, 30);
    const together = scorer.scoreAndExplain(rows);
    const probabilities = scorer.predict(rows);
    expect(together).toHaveLength(30);
    together.forEach((result, i) => {
      expect(result.probability).toBe(probabilities[i]);
      expect(result.reasons).toEqual(scorer.explain(rows[i]!));
    });
    expect(scorer.scoreAndExplain([])).toEqual([]);
  });

  it('holds columns the row never showed at the baseline: no effect on score or reasons', () => {
    const full = { fee: '$95.10', tenure: '2 months', partner: 'No', plan: 'basic' };
    const { fee, tenure } = full;
    const partial = { fee, tenure };
    const reasons = scorer.explain(partial);
    expect(reasons.map((r) => r.field).sort()).toEqual(['fee', 'tenure']);
    // Exactness still holds: the shown reasons add up to the distance from the baseline.
    const p = scorer.predict([partial])[0]!;
    const total = reasons.reduce((sum, r) => sum + r.contribution, 0);
    expect(total).toBeCloseTo(logit(p) - logit(baselineProbability(artifact)), 4);
    // And the same two reasons as in the full row: other columns do not leak in.
    const fullReasons = scorer.explain(full);
    for (const field of ['fee', 'tenure']) {
      expect(reasons.find((r) => r.field === field)!.contribution).toBeCloseTo(fullReasons.find((r) => r.field === field)!.contribution, 6);
    }
  });

  it('treats an empty row as the baseline customer', () => {
    expect(scorer.predict([{}])[0]).toBeCloseTo(baselineProbability(artifact), 5);
    expect(scorer.explain({})).toEqual([]);
  });

  it('reports a missing value as null', () => {
    const reasons = scorer.explain({ fee: '—', tenure: '', partner: 'N/A', plan: null });
    for (const r of reasons) expect(r.value, r.field).toBeNull();
    // A missing yes/no is imputed at its training mean, the baseline: no push either way.
    expect(reasons.find((r) => r.field === 'partner')!.contribution).toBeCloseTo(0, 6);
  });

  it('refuses to work after dispose', async () => {
    const s = await createScorer(artifact);
    s.dispose();
    expect(() => s.predict(data.rows.slice(0, 1))).toThrow(/disposed/);
    s.dispose(); // idempotent
  });
});

describe('createScorer for the MLP and the ensemble (integrated gradients)', () => {
  const kinds = [
    ['mlp', { hidden: [32] }, 1e-3],
    ['ensemble', { hidden: [32] }, 1e-3],
    // Two hidden layers: tfjs gradients at 32 midpoints, so only approximately complete.
    ['mlp', { hidden: [16, 8] }, 0.06],
  ] as const;
  const trained = new Map<string, { artifact: ModelArtifact; scorer: Scorer }>();
  beforeAll(async () => {
    for (const [kind, mlp] of kinds) {
      const { artifact: a } = await trainModel({
        rows: data.rows,
        columns: data.columns,
        label: 'churn',
        folds: 3,
        name: kind,
        trainedBy: 'vitest',
        source: 'synthetic',
        model: kind,
        mlp: { hidden: [...mlp.hidden], epochs: 20 },
        learningCurve: false,
      });
      trained.set(`${kind} ${mlp.hidden.join('-')}`, { artifact: a, scorer: await createScorer(a) });
    }
  });

  it.each(kinds.map(([kind, mlp, tolerance]) => [`${kind} ${mlp.hidden.join('-')}`, tolerance] as const))(
    '%s: contributions add up to logit(p) − logit(p_baseline) within %s',
    (key, tolerance) => {
      const { artifact: a, scorer: s } = trained.get(key)!;
      expect(a.calibration!.method).toBe('platt');
      const base = logit(baselineProbability(a));
      let worst = 0;
      let spread = 0;
      for (const row of data.rows.slice(0, 40)) {
        const p = s.predict([row])[0]!;
        const total = s.explain(row).reduce((sum, r) => sum + r.contribution, 0);
        worst = Math.max(worst, Math.abs(total - (logit(p) - base)));
        spread = Math.max(spread, Math.abs(logit(p) - base));
      }
      expect(worst).toBeLessThan(tolerance);
      expect(spread).toBeGreaterThan(0.5); // the rows do move away from the baseline, so the check has teeth
    },
  );

  it('holds unobserved columns at the baseline and explains an empty row with nothing', () => {
    const { artifact: a, scorer: s } = trained.get('mlp 32')!;
    expect(s.predict([{}])[0]).toBeCloseTo(baselineProbability(a), 5);
    expect(s.explain({})).toEqual([]);
    const reasons = s.explain({ fee: '$95.10', tenure: '2 months' });
    expect(reasons.map((r) => r.field).sort()).toEqual(['fee', 'tenure']);
  });

  it('scoreAndExplain equals predict + explain', () => {
    const { scorer: s } = trained.get('ensemble 32')!;
    const rows = data.rows.slice(0, 10);
    const together = s.scoreAndExplain(rows);
    const p = s.predict(rows);
    together.forEach((r, i) => {
      expect(r.probability).toBe(p[i]);
      expect(r.reasons).toEqual(s.explain(rows[i]!));
    });
  });
});
