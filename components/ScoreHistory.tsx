import { i18n } from '#i18n';
import type { ScoreHistoryPoint } from '../lib/messaging/protocol';
import { TIER_STYLE } from '../lib/risk/tiers';
import { formatPointChange, formatProbability, formatShortDate, formatDateTime } from './format';
import { sparkline, sparklineMarks } from './sparkline';
import { TierBadge } from './TierBadge';

export interface ScoreHistoryProps {
  history: readonly ScoreHistoryPoint[];
  locale: string;
  /** How many recent scores to list under the chart. Default 4. */
  listCount?: number;
  /** Logged actions, marked on the chart at their time. */
  actions?: ReadonlyArray<{ at: number; kind: string }>;
}

const W = 300;
const H = 64;

/** Inline SVG sparkline of the churn probability (fixed 0–100 % scale), the change since the previous score, and the latest scores. */
export function ScoreHistory({ history, locale, listCount = 4, actions = [] }: ScoreHistoryProps) {
  const sorted = [...history].sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return <p className="text-sm text-slate-500">{i18n.t('sidepanel.historyEmpty')}</p>;

  const latest = sorted[sorted.length - 1]!;
  const previous = sorted.length > 1 ? sorted[sorted.length - 2]! : null;
  const line = sparkline(sorted, W, H, 4);
  const recent = sorted.slice(-listCount).reverse();
  const change = previous ? formatPointChange(previous.probability, latest.probability, locale) : null;
  const delta = previous ? Math.round(latest.probability * 100) - Math.round(previous.probability * 100) : 0;
  const chartLabel = i18n.t('sidepanel.historyChart', [
    String(sorted.length),
    formatProbability(sorted[0]!.probability, locale),
    formatProbability(latest.probability, locale),
  ]);

  return (
    <div>
      {sorted.length > 1 ? (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chartLabel} className="block h-auto w-full overflow-visible">
            {[0.25, 0.5, 0.75].map((g) => (
              <line key={g} x1={0} x2={W} y1={4 + (1 - g) * (H - 8)} y2={4 + (1 - g) * (H - 8)} className="stroke-slate-100" strokeWidth={1} />
            ))}
            <line x1={0} x2={W} y1={H - 4} y2={H - 4} className="stroke-slate-200" strokeWidth={1} />
            {sparklineMarks(sorted, actions, W, 4).map((x, i) => (
              <line key={`action-${i}`} x1={x} x2={x} y1={2} y2={H - 4} className="stroke-sky-500" strokeWidth={1} strokeDasharray="3 2" data-action-mark />
            ))}
            <path d={line.path} fill="none" className="stroke-slate-500" strokeWidth={1.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            {line.points.map((p, i) => {
              const tier = sorted[i]!.tier;
              return <circle key={`${p.at}-${i}`} cx={p.x} cy={p.y} r={i === line.points.length - 1 ? 4 : 2.5} fill={TIER_STYLE[tier].bg} />;
            })}
          </svg>
          <div className="mt-1 flex justify-between text-[11px] text-slate-500" aria-hidden="true">
            <span>{formatShortDate(sorted[0]!.at, locale)}</span>
            <span>{formatShortDate(latest.at, locale)}</span>
          </div>
          <p className={`mt-2 text-sm font-medium ${delta > 0 ? 'text-red-700' : delta < 0 ? 'text-green-700' : 'text-slate-600'}`}>
            <span aria-hidden="true">{delta > 0 ? '▲ ' : delta < 0 ? '▼ ' : '■ '}</span>
            {i18n.t('sidepanel.historyChange', [change ?? '0'])}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-500">{i18n.t('sidepanel.historyOne')}</p>
      )}
      <h3 className="mt-3 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('sidepanel.recentScores')}</h3>
      <ul className="divide-y divide-slate-100">
        {recent.map((point, i) => (
          <li key={`${point.at}-${i}`} className="flex items-center justify-between gap-2 py-1.5 text-sm">
            <span className="min-w-0 truncate text-slate-600">{formatDateTime(point.at, locale)}</span>
            <span className="flex shrink-0 items-center gap-2">
              <span className="font-medium text-slate-800 tabular-nums">{formatProbability(point.probability, locale)}</span>
              <TierBadge tier={point.tier} size="sm" showLabel={false} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
