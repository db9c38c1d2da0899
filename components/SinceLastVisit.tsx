import { i18n } from '#i18n';
import type { SinceLastVisit as Changes } from '@/lib/indicators/customer-indicators';
import { fieldLabel } from '../lib/explain/reason-text';
import { Card } from './Card';
import { formatDateTime, formatPointChange, formatProbability, formatRelativeTime } from './format';
import { t } from '@/lib/i18n';
import { indicatorLabel } from './IndicatorList';

const valueText = (value: number | string | null, locale: string) =>
  value === null
    ? i18n.t('common.notAvailable')
    : typeof value === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
      : value;

/** What moved since the agent last looked at this customer: the score, the indicators, and why. */
export function SinceLastVisitCard({ changes, locale }: { changes: Changes; locale: string }) {
  const { before, after } = changes.probability;
  const moved = before !== null && after !== null ? Math.round(after * 100) - Math.round(before * 100) : 0;
  return (
    <Card
      title={i18n.t('sidepanel.sinceTitle')}
      subtitle={
        <time dateTime={new Date(changes.at).toISOString()} title={formatDateTime(changes.at, locale)}>
          {i18n.t('sidepanel.sinceWhen', [formatRelativeTime(changes.at, Date.now(), locale)])}
        </time>
      }
    >
      {before !== null && after !== null && (
        <p className={`text-sm font-medium ${moved > 0 ? 'text-red-700' : moved < 0 ? 'text-green-700' : 'text-slate-700'}`}>
          <span aria-hidden="true">{moved > 0 ? '▲ ' : moved < 0 ? '▼ ' : '■ '}</span>
          {i18n.t('sidepanel.sinceScore', [formatProbability(before, locale), formatProbability(after, locale), formatPointChange(before, after, locale)])}
        </p>
      )}
      {changes.drivers.length > 0 && (
        <>
          <h3 className="mt-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('sidepanel.sinceWhy')}</h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {changes.drivers.map((d) => (
              <li key={d.field} className={d.after > d.before ? 'text-red-800' : 'text-green-800'}>
                {i18n.t(d.after > d.before ? 'sidepanel.sinceDriverUp' : 'sidepanel.sinceDriverDown', [driverLabel(d.field, locale)])}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="mt-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('sidepanel.sinceIndicators')}</h3>
      {changes.indicators.length === 0 ? (
        <p className="text-sm text-slate-500">{i18n.t('sidepanel.sinceNoChange')}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">
          {changes.indicators.map((c) => (
            <li key={c.id} className="flex items-baseline justify-between gap-3 py-1">
              <span className="text-slate-600">{indicatorLabel(c.id, locale)}</span>
              <span className="text-right text-slate-800 tabular-nums">
                {valueText(c.before, locale)} → {valueText(c.after, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function driverLabel(field: string, locale: string): string {
  return field.startsWith('ind:') ? indicatorLabel(field.slice(4), locale) : fieldLabel(field, t);
}
