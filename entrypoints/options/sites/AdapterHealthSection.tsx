import { useEffect } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger, formatRelativeTime } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import { warningText } from '@/lib/sites/health-text';
import { HealthStatusPill } from '@/components/HealthStatusPill';
import { siteLabel } from '@/lib/sites/origins';

/** Per site: pages read, customers per page, mapped fields found, last success, and what broke. */
export function AdapterHealthSection() {
  const locale = uiLocale();
  const health = useRequest(() => sendMessage('getSitesHealth', {}));
  const { reload } = health;
  useEffect(() => onBackgroundEvent((event) => event.type === 'health-changed' && reload(true)), [reload]);
  const now = Date.now();

  return (
    <Card>
      <p className="mb-3 text-xs text-slate-500">{i18n.t('sites.health.intro')}</p>
      {health.status === 'loading' && <Skeleton className="h-24" />}
      {health.status === 'error' && <StatusMessage tone="error" title={health.message} action={{ label: i18n.t('common.retry'), onClick: () => reload() }} />}
      {health.status === 'ready' && health.data.sites.length === 0 && <StatusMessage title={i18n.t('sites.health.empty')} />}
      {health.status === 'ready' && health.data.sites.length > 0 && (
        <table className="w-full text-left text-sm" aria-label={i18n.t('options.tabs.sitesHealth')}>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              <th className="py-2 font-medium">{i18n.t('sites.health.site')}</th>
              <th className="py-2 font-medium">{i18n.t('sites.health.status')}</th>
              <th className="py-2 text-right font-medium">{i18n.t('sites.health.pages')}</th>
              <th className="py-2 pl-4 font-medium">{i18n.t('sites.health.perPage')}</th>
              <th className="py-2 font-medium">{i18n.t('sites.health.fields')}</th>
              <th className="py-2 font-medium">{i18n.t('sites.health.lastSuccess')}</th>
            </tr>
          </thead>
          <tbody>
            {health.data.sites.map(({ origin, summary }) => (
              <tr key={origin} className="border-b border-slate-100 align-top last:border-0">
                <td className="py-2 font-medium text-slate-900" title={origin}>
                  {siteLabel(origin)}
                  {summary.warnings.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-xs font-normal text-amber-900">
                      {summary.warnings.map((warning) => (
                        <li key={`${warning.kind}:${warning.pageKey}:${warning.kind === 'field-missing' ? warning.label : ''}`}>! {warningText(warning, t)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2">
                  <HealthStatusPill status={summary.status} />
                </td>
                <td className="py-2 text-right tabular-nums">{formatInteger(summary.pagesSeen, locale)}</td>
                <td className="py-2 pl-4 tabular-nums text-slate-700">
                  {summary.lastSuccessAt === null ? '–' : summary.recentCustomers.map((n) => formatInteger(n, locale)).join(' · ')}
                </td>
                <td className="py-2 text-slate-700">
                  {summary.mappedFields > 0
                    ? `${formatInteger(summary.mappedFound.length, locale)} / ${formatInteger(summary.mappedFields, locale)}`
                    : i18n.t('sites.health.noMapping')}
                </td>
                <td className="py-2 text-slate-600">
                  {summary.lastSuccessAt ? formatRelativeTime(summary.lastSuccessAt, now, locale) : i18n.t('popup.health.never')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
