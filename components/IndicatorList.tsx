import { i18n } from '#i18n';
import type { IndicatorValue } from '../lib/indicators/types';
import { groupIndicators, indicatorText, labelOr } from './format';
import { t } from './i18n';

export interface IndicatorListProps {
  indicators: readonly IndicatorValue[];
  locale: string;
}

/** The indicators computed so far, grouped by the six research categories; missing values say "not available". */
export function IndicatorList({ indicators, locale }: IndicatorListProps) {
  const groups = groupIndicators(indicators);
  if (groups.length === 0) return <p className="text-sm text-slate-500">{i18n.t('sidepanel.indicatorsEmpty')}</p>;
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <div key={group.category}>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {labelOr(t(`category.${group.category}`), group.category)}
          </h3>
          <dl className="divide-y divide-slate-100">
            {group.items.map((indicator) => {
              const text = indicatorText(indicator, locale);
              return (
                <div key={indicator.id} className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
                  <dt className="min-w-0 text-slate-600">{labelOr(t(`indicator.${indicator.id}`), indicator.id)}</dt>
                  <dd className="flex max-w-[55%] shrink-0 items-baseline justify-end gap-1.5 text-right">
                    {text === null ? (
                      <span className="text-xs text-slate-400">{i18n.t('common.notAvailable')}</span>
                    ) : (
                      <>
                        <span className="font-medium break-words text-slate-800">{text}</span>
                        <DirectionMark direction={indicator.direction} />
                      </>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}

function DirectionMark({ direction }: { direction: IndicatorValue['direction'] }) {
  if (direction === 'neutral') return null;
  const raises = direction === 'raises';
  const text = raises ? i18n.t('sidepanel.indicatorRaises') : i18n.t('sidepanel.indicatorLowers');
  return (
    <span title={text} className={`text-xs ${raises ? 'text-red-600' : 'text-green-700'}`}>
      <span aria-hidden="true">{raises ? '▲' : '▼'}</span>
      <span className="sr-only">{text}</span>
    </span>
  );
}
