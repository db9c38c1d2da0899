/**
 * How a score speaks of itself, the same in the badge, its popover and the
 * side panel.
 *
 * A site no trained model is assigned to is scored label-free (BG/NBD or the
 * starter scorecard, lib/background/site-starter.ts): its "probability" is
 * P(no order within the horizon) under BG/NBD's assumptions, or a logistic
 * of scorecard points — neither has been checked against this site's
 * outcomes, and the tiers are the site's quantiles. So such a score shows its
 * percentile on the site ("riskier than 83 % of this site's customers"), the
 * number the tier is actually drawn from, and says it is a ranking, not yet a
 * calibrated probability. Showing "72 %" there would invite reading it as a
 * churn rate it is not. A calibrated score shows its probability.
 */
import type { BadgeScore, ModelRef } from '../domain';
import type { Translate } from './reason-text';

/** Who made a score: the label-free scorers by what they are, a trained model by its name. */
export function scorerName(model: Pick<ModelRef, 'kind' | 'name'>, t: Translate): string {
  if (model.kind === 'bgnbd') return t('firstScore.byBgnbd') || model.name;
  if (model.kind === 'scorecard') return t('firstScore.byScorecard') || model.name;
  return model.name;
}

export type ScoreFigure = { kind: 'probability'; percent: number } | { kind: 'percentile'; percent: number } | { kind: 'ranking' };

/** The number a score shows: its probability when calibrated; its percentile on the site when a ranking (none when it has none). */
export function scoreFigure(score: Pick<BadgeScore, 'probability' | 'ranking' | 'percentile'>): ScoreFigure {
  if (!score.ranking) return { kind: 'probability', percent: Math.round(score.probability * 100) };
  return score.percentile === undefined ? { kind: 'ranking' } : { kind: 'percentile', percent: score.percentile };
}

/** One line under the score: who made it, and for a ranking that it is one. */
export function scoreProvenance(score: Pick<BadgeScore, 'model' | 'ranking'>, t: Translate): string {
  const by = scorerName(score.model, t);
  return score.ranking ? t('firstScore.rankingNote', [by]) : t('popover.scoredBy', [by]);
}

/** The popover's line for the figure. */
export function figureText(figure: ScoreFigure, t: Translate): string {
  if (figure.kind === 'probability') return t('popover.probability', [`${figure.percent} %`]);
  if (figure.kind === 'percentile') return t('firstScore.percentile', [`${figure.percent} %`]);
  return t('firstScore.rankingOnly');
}

/** The badge's accessible name (and tooltip) for its tier and figure. */
export function badgeLabel(tier: BadgeScore['tier'], tierName: string, figure: ScoreFigure, t: Translate): string {
  if (figure.kind === 'probability') return t('badge.label', [String(tier), tierName, `${figure.percent} %`]);
  if (figure.kind === 'percentile') return t('firstScore.badgeLabel', [String(tier), tierName, `${figure.percent} %`]);
  return t('firstScore.badgeRanking', [String(tier), tierName]);
}
