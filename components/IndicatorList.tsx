import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { INDICATOR_BY_ID } from '../lib/indicators/definitions';
import type { IndicatorValue } from '../lib/indicators/types';
import { pick } from './bilingual';
import { labelOr } from './format';
import { groupIndicators, indicatorText } from './indicator-groups';
import { t } from '@/lib/i18n';

export interface IndicatorListProps {
  indicators: readonly IndicatorValue[];
  locale: string;
  /** Indicators that changed since the last visit, highlighted. */
  changed?: ReadonlySet<string>;
}

/**
 * All six research categories, always: each lists the indicators the data
 * supports (value, trend, one-line meaning) and, folded, those it does not
 * ("not available" — never an invented value).
 */
export function IndicatorList({ indicators, locale, changed }: IndicatorListProps) {
  const groups = groupIndicators(indicators);
  if (groups.length === 0) return <p className="text-sm text-slate-500">{i18n.t('sidepanel.indicatorsEmpty')}</p>;
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <CategoryGroup key={group.category} category={group.category} items={group.items} locale={locale} changed={changed} />
      ))}
    </div>
  );
}

function CategoryGroup({
  category,
  items,
  locale,
  changed,
}: {
  category: string;
  items: readonly IndicatorValue[];
  locale: string;
  changed?: ReadonlySet<string>;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const available = items.filter((i) => i.value !== null);
  const missing = items.filter((i) => i.value === null);
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{labelOr(t(`category.${category}`), category)}</h3>
        <span className="text-xs text-slate-500">{i18n.t('sidepanel.indicatorsCount', [String(available.length), String(items.length)])}</span>
      </div>
      {available.length === 0 && <p className="py-1 text-xs text-slate-500">{i18n.t('sidepanel.categoryNoData')}</p>}
      <dl className="divide-y divide-slate-100">
        {available.map((indicator) => (
          <IndicatorRow key={indicator.id} indicator={indicator} locale={locale} highlighted={changed?.has(indicator.id) ?? false} />
        ))}
      </dl>
      {missing.length > 0 && (
        <>
          <button
            type="button"
            className="mt-1 text-xs text-slate-500 underline decoration-dotted underline-offset-2 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-blue-600"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((v) => !v)}
          >
            {i18n.t(open ? 'sidepanel.hideUnavailable' : 'sidepanel.showUnavailable', [String(missing.length)])}
          </button>
          {open && (
            <ul id={listId} className="mt-1 space-y-0.5">
              {missing.map((indicator) => (
                <li key={indicator.id} className="flex justify-between gap-3 text-xs text-slate-500" title={explanation(indicator.id, locale)}>
                  <span>{indicatorLabel(indicator.id, locale)}</span>
                  <span>{i18n.t('common.notAvailable')}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function IndicatorRow({ indicator, locale, highlighted }: { indicator: IndicatorValue; locale: string; highlighted: boolean }) {
  const text = indicatorText(indicator, locale, translateValue);
  return (
    <div className={`py-1.5 text-sm ${highlighted ? '-mx-1 rounded bg-amber-50 px-1' : ''}`} data-indicator={indicator.id}>
      <div className="flex items-baseline justify-between gap-3">
        <dt className="min-w-0 text-slate-600" title={explanation(indicator.id, locale)}>
          {indicatorLabel(indicator.id, locale)}
        </dt>
        <dd className="flex max-w-[55%] shrink-0 items-baseline justify-end gap-1.5 text-right">
          <span className="font-medium break-words text-slate-800">{text}</span>
          <TrendMark indicator={indicator} />
        </dd>
      </div>
      {indicator.meaning && <p className="mt-0.5 text-xs text-slate-500">{pick(indicator.meaning, locale)}</p>}
    </div>
  );
}

/** Enumerated indicator values the UI can say in its language (stages, yes/no). */
function translateValue(value: string): string | undefined {
  if (value === 'yes') return i18n.t('common.yes');
  if (value === 'no') return i18n.t('common.no');
  if (['new', 'growth', 'mature', 'decline', 'churned'].includes(value)) return i18n.t(`lifecycle.${value as 'new'}`);
  return undefined;
}

export function indicatorLabel(id: string, locale: string): string {
  const definition = INDICATOR_BY_ID.get(id);
  return definition ? pick(definition.label, locale) : labelOr(t(`indicator.${id}`), id);
}

function explanation(id: string, locale: string): string | undefined {
  const definition = INDICATOR_BY_ID.get(id);
  return definition ? pick(definition.explanation, locale) : undefined;
}

/** Trend arrow (up/down/flat) coloured by what it means for risk; direction alone when there is no trend. */
function TrendMark({ indicator }: { indicator: IndicatorValue }) {
  const { direction, trend } = indicator;
  if (!trend && direction === 'neutral') return null;
  const colour = direction === 'raises' ? 'text-red-600' : direction === 'lowers' ? 'text-green-700' : 'text-slate-500';
  const glyph = trend === 'up' ? '↑' : trend === 'down' ? '↓' : trend === 'flat' ? '→' : direction === 'raises' ? '▲' : '▼';
  const words = [
    trend ? i18n.t(`sidepanel.trend.${trend}`) : '',
    direction === 'raises' ? i18n.t('sidepanel.indicatorRaises') : direction === 'lowers' ? i18n.t('sidepanel.indicatorLowers') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <span title={words} className={`text-xs ${colour}`}>
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
