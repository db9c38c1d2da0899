import { i18n } from '#i18n';
import { formatProbability, formatRelativeTime, formatDateTime } from '@/components/format';
import { t } from '@/lib/i18n';
import { TierBadge } from '@/components/TierBadge';
import type { CustomerScore, Tier } from '@/lib/domain';
import { scoreFigure, scoreProvenance } from '@/lib/explain/score-wording';
import { TIER_STYLE } from '@/lib/risk/tiers';

/**
 * The score at the top of the customer: a calibrated probability, or on a
 * site scored label-free its percentile there, said to be a ranking
 * (lib/explain/score-wording.ts says why).
 */
export function ScoreSummary({ score, locale, pinnedTier }: { score: CustomerScore; locale: string; pinnedTier?: Tier }) {
  const style = TIER_STYLE[score.tier];
  const figure = scoreFigure(score);
  const label = figure.kind === 'probability' ? i18n.t('sidepanel.probability') : i18n.t('firstScore.panelRanking');
  const caption =
    figure.kind === 'probability'
      ? i18n.t('sidepanel.probability')
      : figure.kind === 'percentile'
        ? i18n.t('firstScore.panelPercentile')
        : i18n.t('firstScore.panelRanking');
  const shown =
    figure.kind === 'probability'
      ? formatProbability(score.probability, locale)
      : figure.kind === 'percentile'
        ? `${figure.percent} %`
        : i18n.t('firstScore.panelRankingOnly');
  const bar = figure.kind === 'probability' ? score.probability * 100 : figure.kind === 'percentile' ? figure.percent : 0;
  return (
    <section
      aria-label={label}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="score-summary"
      data-ranking={score.ranking ? 'true' : 'false'}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium text-slate-500">{caption}</p>
          <p className="text-4xl leading-tight font-bold text-slate-900 tabular-nums">{shown}</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <TierBadge tier={pinnedTier ?? score.tier} size="md" />
          {pinnedTier !== undefined && pinnedTier !== score.tier && (
            <span className="text-[11px] text-slate-500">{i18n.t('sidepanel.pinnedFrom', [String(score.tier)])}</span>
          )}
        </div>
      </div>
      <div aria-hidden="true" className="mt-3 h-2 w-full overflow-hidden rounded-full bg-slate-100">
        <div className="h-2 rounded-full" style={{ width: `${Math.max(1, Math.min(100, bar))}%`, backgroundColor: style.bg }} />
      </div>
      <p className={`mt-2 text-xs ${score.ranking ? 'text-amber-800' : 'text-slate-500'}`} data-testid="score-provenance">
        {scoreProvenance(score, t)}
        <span aria-hidden="true"> · </span>
        <time dateTime={new Date(score.scoredAt).toISOString()} title={formatDateTime(score.scoredAt, locale)}>
          {formatRelativeTime(score.scoredAt, Date.now(), locale)}
        </time>
      </p>
    </section>
  );
}
