import { describe, expect, it } from 'vitest';
import { badgeLabel, figureText, scoreFigure, scoreProvenance, scorerName } from '@/lib/explain/score-wording';

/** Echoes the key and its substitutions, so each test sees which message was chosen with what. */
const t = (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`;
const model = (kind: string, name = `the ${kind} model`) => ({ id: 'm', kind, name });

describe('scorerName', () => {
  it('names the label-free scorers by what they are and a trained model by its name', () => {
    expect(scorerName(model('bgnbd'), t)).toBe('firstScore.byBgnbd()');
    expect(scorerName(model('scorecard'), t)).toBe('firstScore.byScorecard()');
    expect(scorerName(model('gbt', 'Shop churn v3'), t)).toBe('Shop churn v3');
  });
  it('falls back to the stored name when a message is missing', () => {
    expect(scorerName(model('bgnbd', 'BG/NBD (buy till you die)'), () => '')).toBe('BG/NBD (buy till you die)');
  });
});

describe('scoreFigure', () => {
  it('shows a calibrated probability as a whole percentage', () => {
    expect(scoreFigure({ probability: 0.724 })).toEqual({ kind: 'probability', percent: 72 });
  });
  it('shows a ranking’s percentile on the site, never its uncalibrated probability', () => {
    expect(scoreFigure({ probability: 0.724, ranking: true, percentile: 83 })).toEqual({ kind: 'percentile', percent: 83 });
    expect(scoreFigure({ probability: 0.724, ranking: true })).toEqual({ kind: 'ranking' });
  });
});

describe('texts', () => {
  it('the popover line and badge label follow the figure', () => {
    expect(figureText({ kind: 'probability', percent: 72 }, t)).toBe('popover.probability(72 %)');
    expect(figureText({ kind: 'percentile', percent: 83 }, t)).toBe('firstScore.percentile(83 %)');
    expect(figureText({ kind: 'ranking' }, t)).toBe('firstScore.rankingOnly()');
    expect(badgeLabel(4, 'High', { kind: 'probability', percent: 72 }, t)).toBe('badge.label(4|High|72 %)');
    expect(badgeLabel(4, 'High', { kind: 'percentile', percent: 83 }, t)).toBe('firstScore.badgeLabel(4|High|83 %)');
    expect(badgeLabel(2, 'Low', { kind: 'ranking' }, t)).toBe('firstScore.badgeRanking(2|Low)');
  });
  it('a ranking says so and who made it; a calibrated score only who made it', () => {
    expect(scoreProvenance({ model: model('bgnbd'), ranking: true }, t)).toBe('firstScore.rankingNote(firstScore.byBgnbd())');
    expect(scoreProvenance({ model: model('scorecard'), ranking: true }, t)).toBe('firstScore.rankingNote(firstScore.byScorecard())');
    expect(scoreProvenance({ model: model('logistic', 'Demo CRM history model') }, t)).toBe('popover.scoredBy(Demo CRM history model)');
  });
});
