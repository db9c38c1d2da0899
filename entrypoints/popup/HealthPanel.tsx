import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { formatInteger, formatRelativeTime } from '@/components/format';
import { HealthStatusPill } from '@/components/HealthStatusPill';
import { t } from '@/lib/i18n';
import type { HealthSummary } from '@/lib/sites/health';
import { needsAttention } from '@/lib/sites/health-state';
import { statusHintKey, warningText } from '@/lib/sites/health-text';

/**
 * The site's reading health: is it finding customers and the mapped fields,
 * and what broke. Only figures that mean something in the state are shown (a
 * site that never yielded a customer has no "last read" and no row of zeros).
 * `teach` is the page-teaching control (popup "Teach this page"); it is shown
 * prominently here when reading needs the user, and not at all when it works.
 */
export function HealthPanel({ summary, locale, teach }: { summary: HealthSummary; locale: string; teach?: ReactNode }) {
  const now = Date.now();
  const hint = statusHintKey(summary.status);
  const anyRead = summary.recentCustomers.some((n) => n > 0);
  return (
    <section aria-labelledby="health-title" data-health={summary.status} className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="health-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {i18n.t('popup.health.title')}
        </h2>
        <HealthStatusPill status={summary.status} testId="health-status" />
      </div>
      {hint && (
        <p data-testid="health-hint" className="mt-2 text-xs text-slate-700">
          {t(hint, [formatInteger(summary.pagesSeen, locale), summary.lastSuccessAt ? formatRelativeTime(summary.lastSuccessAt, now, locale) : ''])}
        </p>
      )}
      {summary.pagesSeen > 0 && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600">
          <dt className="sr-only">{i18n.t('sites.health.pages')}</dt>
          <dd className="col-span-2">{i18n.t('popup.health.pages', [formatInteger(summary.pagesSeen, locale)])}</dd>
          {anyRead && (
            <>
              <dt className="sr-only">{i18n.t('sites.health.perPage')}</dt>
              <dd className="col-span-2">{i18n.t('popup.health.perPage', [summary.recentCustomers.map((n) => formatInteger(n, locale)).join(' · ')])}</dd>
            </>
          )}
          {summary.lastSuccessAt !== null && (
            <>
              <dt className="sr-only">{i18n.t('sites.health.lastSuccess')}</dt>
              <dd className="col-span-2">{i18n.t('popup.health.lastSuccess', [formatRelativeTime(summary.lastSuccessAt, now, locale)])}</dd>
            </>
          )}
          {summary.mappedFields > 0 && (
            <>
              <dt className="sr-only">{i18n.t('sites.health.fields')}</dt>
              <dd className="col-span-2">
                {i18n.t('popup.health.mapped', [formatInteger(summary.mappedFound.length, locale), formatInteger(summary.mappedFields, locale)])}
              </dd>
            </>
          )}
        </dl>
      )}
      {summary.warnings.length > 0 && (
        <ul role="alert" className="mt-2 space-y-1">
          {summary.warnings.map((warning) => (
            <li
              key={`${warning.kind}:${warning.pageKey}:${warning.kind === 'field-missing' ? warning.label : ''}`}
              className="flex gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-950"
            >
              <span aria-hidden="true" className="font-bold text-amber-600">
                !
              </span>
              <span className="break-words">{warningText(warning, t)}</span>
            </li>
          ))}
        </ul>
      )}
      {teach && (needsAttention(summary.status) || summary.status === 'none-recent') && (
        <div data-teach-slot className="mt-3">
          {teach}
        </div>
      )}
    </section>
  );
}
