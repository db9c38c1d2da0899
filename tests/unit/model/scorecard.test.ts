import { describe, expect, it } from 'vitest';
import { INDICATOR_BY_ID } from '@/lib/indicators';
import { parseModelArtifact } from '@/lib/model/artifact';
import { createScorer } from '@/lib/model/scorer';
import { DEFAULT_SCORECARD, createScorecardScorer, indicatorValue, parseScorecard, ruleFires, scorecardArtifact, type Scorecard } from '@/lib/model/scorecard';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const card: Scorecard = {
  name: 'test card',
  intercept: -2,
  rules: [
    { indicator: 'recency_days', condition: { op: '>', value: 90 }, weight: 1 },
    { indicator: 'contract', condition: { op: '<=', value: 1 }, weight: 0.5 },
    { indicator: 'contract', condition: { op: '>=', value: 12 }, weight: -0.75 },
    { indicator: 'order_count', condition: { op: '<=', value: 1 }, weight: 0.25 },
  ],
};

describe('createScorecardScorer', () => {
  const scorer = createScorecardScorer(card);

  it('p = σ(intercept + the weights of the rules that fire)', () => {
    const p = scorer.predict([{ 'ind:recency_days': 120, 'ind:contract': 1 }, { 'ind:recency_days': 90, 'ind:contract': 24 }, {}]);
    expect(p[0]).toBeCloseTo(sigmoid(-2 + 1 + 0.5), 6);
    expect(p[1]).toBeCloseTo(sigmoid(-2 - 0.75), 6); // 90 is not > 90
    expect(p[2]).toBeCloseTo(sigmoid(-2), 6); // nothing known: nothing fires
  });

  it('reads log-scaled indicator inputs in the indicator’s own units', () => {
    expect(INDICATOR_BY_ID.get('order_count')!.featureScale).toBe('log');
    // indicatorFeatures writes ln(1 + 1) for one order, ln(1 + 3) for three.
    expect(indicatorValue('order_count', Math.log(2))).toBeCloseTo(1, 12);
    expect(scorer.predict([{ 'ind:order_count': Math.log(2) }])[0]).toBeCloseTo(sigmoid(-2 + 0.25), 6);
    expect(scorer.predict([{ 'ind:order_count': Math.log(4) }])[0]).toBeCloseTo(sigmoid(-2), 6);
    expect(indicatorValue('recency_days', '45')).toBe(45);
    expect(indicatorValue('recency_days', '')).toBeNull();
    expect(indicatorValue('recency_days', null)).toBeNull();
  });

  it('explains with exactly the rules that fired, summed per indicator, adding up to logit(p) − intercept', () => {
    const row = { 'ind:recency_days': 120, 'ind:contract': 1, 'ind:order_count': 0 };
    const reasons = scorer.explain(row);
    expect(reasons).toEqual([
      { field: 'ind:recency_days', value: '120', contribution: 1 },
      { field: 'ind:contract', value: '1', contribution: 0.5 },
      { field: 'ind:order_count', value: '0', contribution: 0.25 },
    ]);
    const p = scorer.predict([row])[0]!;
    expect(reasons.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(Math.log(p / (1 - p)) - card.intercept, 5);
    expect(scorer.scoreAndExplain([row])).toEqual([{ probability: p, reasons }]);
  });

  it('is a model artifact like the others: stored, validated, loaded by createScorer', async () => {
    const artifact = scorecardArtifact(card);
    expect(artifact).toMatchObject({ formatVersion: 2, kind: 'scorecard', scorecard: card });
    expect(artifact.preprocessor.featureSource).toEqual(['ind:recency_days', 'ind:contract', 'ind:order_count']);
    const loaded = await createScorer(parseModelArtifact(JSON.parse(JSON.stringify(artifact))));
    const row = { 'ind:recency_days': 120, 'ind:contract': 24 };
    expect(loaded.predict([row])[0]).toBe(scorer.predict([row])[0]);
    expect(loaded.explain(row)).toEqual(scorer.explain(row));
    // Editing a weight gives another id.
    const edited = { ...card, rules: card.rules.map((r, i) => (i === 0 ? { ...r, weight: 2 } : r)) };
    expect(scorecardArtifact(edited).id).not.toBe(artifact.id);
    expect(() => parseModelArtifact({ ...artifact, scorecard: { ...card, rules: [{ ...card.rules[0]!, indicator: 'tenure' }] } })).toThrow(
      /scorecard rule on "tenure" has no model input "ind:tenure"/,
    );
  });

  it('refuses to work after dispose', () => {
    const s = createScorecardScorer(card);
    s.dispose();
    expect(() => s.predict([{}])).toThrow(/disposed/);
  });
});

describe('rules', () => {
  it('conditions compare as written', () => {
    const rule = (op: Scorecard['rules'][number]['condition']['op']) => ({ indicator: 'tenure', condition: { op, value: 6 }, weight: 1 });
    expect([5, 6, 7].map((v) => ruleFires(rule('<'), v))).toEqual([true, false, false]);
    expect([5, 6, 7].map((v) => ruleFires(rule('<='), v))).toEqual([true, true, false]);
    expect([5, 6, 7].map((v) => ruleFires(rule('>'), v))).toEqual([false, false, true]);
    expect([5, 6, 7].map((v) => ruleFires(rule('>='), v))).toEqual([false, true, true]);
    expect([5, 6, 7].map((v) => ruleFires(rule('=='), v))).toEqual([false, true, false]);
    expect(ruleFires(rule('<'), null)).toBe(false);
  });
});

describe('DEFAULT_SCORECARD', () => {
  it('uses only indicators of the catalogue, in all six categories but characteristics', () => {
    const categories = new Set(DEFAULT_SCORECARD.rules.map((r) => INDICATOR_BY_ID.get(r.indicator)!.category));
    expect([...categories].sort()).toEqual(['competition', 'consumption', 'financial', 'loyalty', 'satisfaction']);
    expect(parseScorecard(JSON.parse(JSON.stringify(DEFAULT_SCORECARD)))).toEqual(DEFAULT_SCORECARD);
  });

  it('ranks a customer with the research’s warning signs far above a loyal one', () => {
    const s = createScorecardScorer(DEFAULT_SCORECARD);
    const [risky, loyal, unknown] = s.predict([
      { 'ind:recency_days': 150, 'ind:tenure': 3, 'ind:contract': 1, 'ind:competitor_mentions': 1, 'ind:late_payments': 2, 'ind:sentiment': -0.5 },
      { 'ind:recency_days': 10, 'ind:tenure': 40, 'ind:contract': 24, 'ind:order_count': Math.log(1 + 12), 'ind:auto_renew': 1 },
      {},
    ]);
    expect(risky).toBeGreaterThan(0.9);
    expect(loyal).toBeLessThan(0.05);
    expect(unknown).toBeCloseTo(sigmoid(-1.5), 6);
  });
});

describe('parseScorecard', () => {
  it('rejects unknown indicators, bad operators and absurd weights with a clear message', () => {
    expect(() => parseScorecard({ ...card, rules: [{ ...card.rules[0]!, indicator: 'shoe_size' }] })).toThrow(/"shoe_size" is not an indicator/);
    expect(() => parseScorecard({ ...card, rules: [{ ...card.rules[0]!, condition: { op: '!=', value: 1 } }] })).toThrow(/rules\.0\.condition\.op/);
    expect(() => parseScorecard({ ...card, rules: [{ ...card.rules[0]!, weight: 1e6 }] })).toThrow(/rules\.0\.weight/);
    expect(() => parseScorecard({ ...card, rules: [] })).toThrow(/rules/);
    expect(() => parseScorecard({ ...card, intercept: Number.NaN })).toThrow(/intercept/);
  });
});
