import { describe, expect, it } from 'vitest';
import { parseModelArtifact } from '@/lib/model/artifact';
import { chooseScorer, modelSources } from '@/lib/model/choice';
import { probabilityNoPurchase } from '@/lib/model/btyd/bgnbd';
import { bgnbdArtifact, createBgNbdScorer } from '@/lib/model/btyd/bgnbd-scorer';
import { completeHistory, imputedAge, partialHistory, MIN_KNOWN_AGES } from '@/lib/model/btyd/purchase-inputs';
import { fitSite, MIN_CUSTOMERS_TO_FIT, PRIOR_PARAMS } from '@/lib/model/btyd/site-fit';
import { createScorecardScorer, DEFAULT_SCORECARD } from '@/lib/model/scorecard';
import { createScorer } from '@/lib/model/scorer';
import type { RawRow } from '@/lib/model/types';

const log1p = Math.log1p;
/** Indicator inputs as indicatorFeatures writes them (order count and gap log-scaled). */
const row = (orders: number, recency: number | null, extra: RawRow = {}): RawRow => ({
  'ind:order_count': log1p(orders),
  ...(recency === null ? {} : { 'ind:recency_days': recency }),
  ...extra,
});

describe('partialHistory', () => {
  it('reads orders, recency and the span from the indicator inputs', () => {
    expect(partialHistory(row(4, 10, { 'ind:inter_purchase_days': log1p(20) }))).toEqual({ x: 3, silence: 10, age: 70, silenceInput: 'ind:recency_days' });
  });
  it('a one-order customer is as old as the order', () => {
    expect(partialHistory(row(1, 40, { 'ind:tenure': 12 }))).toMatchObject({ x: 0, silence: 40, age: 40 });
  });
  it('falls back to tenure in months, then to unknown', () => {
    expect(partialHistory(row(3, 10, { 'ind:tenure': 2 }))!.age).toBeCloseTo(60.875, 6);
    expect(partialHistory(row(3, 10))!.age).toBeNull();
  });
  it('uses "last seen" when no last order is shown', () => {
    expect(partialHistory(row(2, null, { 'ind:days_since_activity': 5 }))).toMatchObject({ silence: 5, silenceInput: 'ind:days_since_activity' });
  });
  it('is no history without an order count or any recency', () => {
    expect(partialHistory({ 'ind:recency_days': 5 })).toBeNull();
    expect(partialHistory(row(3, null))).toBeNull();
  });
});

describe('imputedAge and completeHistory', () => {
  it('uses the median known age once enough customers show one, else the longest silence', () => {
    const known = Array.from({ length: MIN_KNOWN_AGES }, (_, i) => ({ x: 2, silence: 1, age: 100 + i * 10, silenceInput: 'ind:recency_days' as const }));
    expect(imputedAge(known)).toBe(120);
    expect(
      imputedAge([
        { x: 2, silence: 30, age: null, silenceInput: 'ind:recency_days' },
        { x: 1, silence: 90, age: null, silenceInput: 'ind:recency_days' },
      ]),
    ).toBe(90);
  });
  it('gives t_x = T − silence, never a negative t_x', () => {
    expect(completeHistory({ x: 2, silence: 10, age: null, silenceInput: 'ind:recency_days' }, 50)).toEqual({ x: 2, tx: 40, T: 50 });
    expect(completeHistory({ x: 2, silence: 80, age: null, silenceInput: 'ind:recency_days' }, 50)).toEqual({ x: 2, tx: 0, T: 80 });
  });
});

/** A site of shoppers: the more recent and frequent, the more alive. */
function site(n: number): RawRow[] {
  return Array.from({ length: n }, (_, i) => row(1 + (i % 7), (i * 37) % 400, { 'ind:inter_purchase_days': log1p(15 + (i % 11) * 5) }));
}

describe('fitSite', () => {
  it('fits on enough customers, and keeps the prior below that', () => {
    const big = fitSite(site(200), 180)!;
    expect(big.fitted).toBe(true);
    expect(big.spec.customers).toBe(200);
    expect(big.spec.params).not.toEqual(PRIOR_PARAMS);
    const small = fitSite(site(MIN_CUSTOMERS_TO_FIT - 1), 180)!;
    expect(small.fitted).toBe(false);
    expect(small.spec.params).toEqual(PRIOR_PARAMS);
  });
  it('is null on a site without purchase histories', () => {
    expect(fitSite([{ 'ind:nps': 3 }], 180)).toBeNull();
  });
});

describe('the BG/NBD scorer', () => {
  const fit = fitSite(site(200), 180)!;
  const artifact = bgnbdArtifact(fit.spec);

  it('is a valid model artifact that createScorer scores', async () => {
    expect(parseModelArtifact(JSON.parse(JSON.stringify(artifact))).kind).toBe('bgnbd');
    const scorer = await createScorer(artifact);
    const [p] = scorer.predict([row(3, 20, { 'ind:inter_purchase_days': log1p(30) })]);
    expect(p).toBeCloseTo(probabilityNoPurchase(fit.spec.params, { x: 2, tx: 60, T: 80 }, 180), 6);
  });

  it('ranks a long-silent customer above a recent, frequent one', () => {
    const scorer = createBgNbdScorer(artifact);
    const [recent, silent] = scorer.predict([row(6, 5, { 'ind:inter_purchase_days': log1p(20) }), row(6, 300, { 'ind:inter_purchase_days': log1p(20) })]);
    expect(silent!).toBeGreaterThan(recent!);
  });

  it('explains by orders, silence and age, adding up to the distance from the typical customer', () => {
    const scorer = createBgNbdScorer(artifact);
    const input = row(5, 200, { 'ind:inter_purchase_days': log1p(10) });
    const { probability, reasons } = scorer.scoreAndExplain([input])[0]!;
    expect(reasons.map((r) => r.field).sort()).toEqual(['ind:inter_purchase_days', 'ind:order_count', 'ind:recency_days']);
    const typical = scorer.predict([{}])[0]!;
    const logit = (p: number) => Math.log(p / (1 - p));
    const sum = reasons.reduce((s, r) => s + r.contribution, 0);
    expect(sum).toBeCloseTo(logit(probability) - logit(typical), 3);
    expect(reasons.find((r) => r.field === 'ind:recency_days')!.contribution).toBeGreaterThan(0);
  });

  it('accepts purchase histories only, and is chosen for them before the scorecard', () => {
    const bgnbd = createBgNbdScorer(artifact);
    const card = createScorecardScorer(DEFAULT_SCORECARD);
    const scorers = [card, bgnbd];
    const shopper = row(2, 30, { 'ind:nps': 9, 'ind:tenure': 30, 'ind:contract': 12 });
    expect(chooseScorer(scorers, shopper, modelSources)).toBe(bgnbd);
    expect(chooseScorer(scorers, { 'ind:nps': 3 }, modelSources)).toBe(card);
    expect(chooseScorer([bgnbd], { 'ind:nps': 3 }, modelSources)).toBe(bgnbd);
  });
});
