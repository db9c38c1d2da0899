import { describe, expect, it } from 'vitest';
import { chooseScorer, coverage, usesIndicators } from '@/lib/model/choice';

const model = (name: string, featureSource: string[]) =>
  ({ name, artifact: { preprocessor: { featureSource } } }) as never as { name: string; artifact: { preprocessor: { featureSource: string[] } } };
const sourcesOf = (m: ReturnType<typeof model>) => [...new Set(m.artifact.preprocessor.featureSource)];

describe('model choice', () => {
  it('measures the share of a model’s columns a row shows', () => {
    expect(coverage(['a', 'b', 'c', 'd'], { a: '1', c: '' })).toBe(0.5);
    expect(coverage([], { a: '1' })).toBe(0);
  });

  it('gives each customer the model whose columns it covers best, the earlier one on a tie', () => {
    const telco = model('telco', ['tenure', 'Contract', 'Contract', 'MonthlyCharges']);
    const shop = model('shop', ['ind:recency_days', 'ind:order_count']);
    const scorers = [telco, shop];
    expect(chooseScorer(scorers as never, { tenure: '3', Contract: 'One year' }, sourcesOf as never)).toBe(telco);
    expect(chooseScorer(scorers as never, { 'ind:recency_days': 3, 'ind:order_count': 1, tenure: '2' }, sourcesOf as never)).toBe(shop);
    expect(chooseScorer(scorers as never, { unrelated: 'x' }, sourcesOf as never)).toBe(telco);
    expect(chooseScorer([], { tenure: '1' }, sourcesOf as never)).toBeUndefined();
  });

  it('knows which models read indicator features', () => {
    expect(usesIndicators(model('shop', ['ind:recency_days']) as never)).toBe(true);
    expect(usesIndicators(model('telco', ['tenure']) as never)).toBe(false);
  });
});
