import { i18n } from '#i18n';
import type { Reason } from '../lib/domain';
import { reasonSentence, topRiskReasons } from '../lib/explain/reason-text';
import { groupReasons } from '../lib/explain/reason-groups';
import { labelOr } from './format';
import { reasonBars } from './reason-bars';
import { t } from '@/lib/i18n';

export interface ReasonListProps {
  reasons: readonly Reason[];
  /** How many to show; risk-raising reasons first. Default 5. */
  max?: number;
  /** Under headings of the six research categories (strongest group first). */
  grouped?: boolean;
}

/** The top reasons as sentences, each with a small diverging bar sized by |contribution|. */
export function ReasonList({ reasons, max = 5, grouped = false }: ReasonListProps) {
  const bars = reasonBars(topRiskReasons(reasons, max));
  if (bars.length === 0) return <p className="text-sm text-slate-500">{i18n.t('sidepanel.noReasons')}</p>;
  if (grouped) {
    const sizes = new Map(bars.map((bar) => [bar.reason, bar]));
    return (
      <div className="space-y-3">
        {groupReasons(bars.map((bar) => bar.reason)).map((group) => (
          <div key={group.category}>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {group.category === 'other' ? i18n.t('sidepanel.otherFactors') : labelOr(t(`category.${group.category}`), group.category)}
            </h3>
            <ol className="space-y-2">
              {group.reasons.map((reason, i) => {
                const bar = sizes.get(reason)!;
                return (
                  <li key={`${i}:${reason.field}`} className="flex items-start gap-3">
                    <SignedBar size={bar.size} direction={bar.direction} />
                    <span className="min-w-0 flex-1 text-sm leading-snug break-words text-slate-800">{reasonSentence(reason, t)}</span>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </div>
    );
  }
  return (
    <ol className="space-y-2">
      {bars.map(({ reason, size, direction }, i) => (
        <li key={`${i}:${reason.field}`} className="flex items-start gap-3">
          <SignedBar size={size} direction={direction} />
          <span className="min-w-0 flex-1 text-sm leading-snug break-words text-slate-800">{reasonSentence(reason, t)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Left half = lowers risk (green), right half = raises risk (red); centre line = no effect. */
function SignedBar({ size, direction }: { size: number; direction: 'raises' | 'lowers' }) {
  const width = `${Math.max(6, Math.round(size * 100))}%`;
  return (
    <span aria-hidden="true" className="relative mt-1.5 flex h-2 w-14 shrink-0 rounded-full bg-slate-100">
      <span className="flex w-1/2 justify-end">{direction === 'lowers' && <span className="h-2 rounded-l-full bg-green-600" style={{ width }} />}</span>
      <span className="flex w-1/2 justify-start">{direction === 'raises' && <span className="h-2 rounded-r-full bg-red-600" style={{ width }} />}</span>
      <span className="absolute top-[-2px] bottom-[-2px] left-1/2 w-px bg-slate-400" />
    </span>
  );
}
