import { i18n } from '#i18n';
import { formatInteger, formatRelativeTime } from '../../components/format';
import { t } from '../../components/i18n';
import type { HealthSummary } from '../../lib/sites/health';
import { statusKey, warningText } from '../../lib/sites/health-text';

const STATUS_STYLE: Record<HealthSummary['status'], string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  'no-data': 'bg-slate-50 text-slate-600 ring-slate-200',
};

/** The site's reading health: is it still finding customers and the mapped fields, and what broke. */
export function HealthPanel({ summary, locale }: { summary: HealthSummary; locale: string }) {
  const now = Date.now();
  return (
    <section aria-labelledby="health-title" className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="health-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {i18n.t('popup.health.title')}
        </h2>
        <span data-testid="health-status" className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[summary.status]}`}>
          {t(statusKey(summary.status))}
        </span>
      </div>
      {summary.pagesSeen > 0 && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600">
          <dt className="sr-only">{i18n.t('sites.health.pages')}</dt>
          <dd className="col-span-2">{i18n.t('popup.health.pages', [formatInteger(summary.pagesSeen, locale)])}</dd>
          <dt className="sr-only">{i18n.t('sites.health.perPage')}</dt>
          <dd className="col-span-2">{i18n.t('popup.health.perPage', [summary.recentCustomers.map((n) => formatInteger(n, locale)).join(' · ')])}</dd>
          <dt className="sr-only">{i18n.t('sites.health.lastSuccess')}</dt>
          <dd className="col-span-2">
            {i18n.t('popup.health.lastSuccess', [summary.lastSuccessAt ? formatRelativeTime(summary.lastSuccessAt, now, locale) : i18n.t('popup.health.never')])}
          </dd>
          {summary.mappedFields > 0 && (
            <>
              <dt className="sr-only">{i18n.t('sites.health.fields')}</dt>
              <dd className="col-span-2">{i18n.t('popup.health.mapped', [formatInteger(summary.mappedFound.length, locale), formatInteger(summary.mappedFields, locale)])}</dd>
            </>
          )}
        </dl>
      )}
      {summary.warnings.length > 0 && (
        <ul role="alert" className="mt-2 space-y-1">
          {summary.warnings.map((warning) => (
            <li key={`${warning.kind}:${warning.pageKey}:${warning.kind === 'field-missing' ? warning.label : ''}`} className="flex gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-950">
              <span aria-hidden="true" className="font-bold text-amber-600">
                !
              </span>
              <span className="break-words">{warningText(warning, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
