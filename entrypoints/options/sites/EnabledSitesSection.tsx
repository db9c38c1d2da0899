import { useEffect } from 'react';
import { i18n } from '#i18n';
import { AddSiteForm } from '@/components/AddSiteForm';
import { Card } from '@/components/Card';
import { LockNotice } from '@/components/LockNotice';
import { usePolicy } from '@/components/usePolicy';
import { useSiteToggle } from '@/components/useSiteToggle';
import { formatDate } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { SiteEntry } from '@/lib/sites/enabled-sites';
import { siteLabel } from '@/lib/sites/origins';

const SOURCE_STYLE: Record<SiteEntry['source'], string> = {
  builtin: 'bg-sky-50 text-sky-800 ring-sky-200',
  user: 'bg-slate-50 text-slate-700 ring-slate-200',
  policy: 'bg-violet-50 text-violet-800 ring-violet-200',
};

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60';

/** The sites Churn Radar reads: add one by address (the permission is asked from the click), disable one, see policy locks. */
export function EnabledSitesSection() {
  const locale = uiLocale();
  const sites = useRequest(() => sendMessage('listSites', {}));
  const { reload } = sites;
  useEffect(() => onBackgroundEvent((event) => event.type === 'sites-changed' && reload(true)), [reload]);
  const policy = usePolicy();
  const locked = policy.isLocked('enabledSites');
  const toggle = useSiteToggle(
    {
      enabled: (origin) => i18n.t('sites.enabled.added', [siteLabel(origin)]),
      denied: (origin) => i18n.t('sites.enabled.denied', [siteLabel(origin)]),
      disabled: (origin) => i18n.t('sites.enabled.removed', [siteLabel(origin)]),
    },
    () => reload(true),
  );
  const { busy, notice, enable, disable } = toggle;

  return (
    <Card>
      <p className="mb-3 text-xs text-slate-500">{i18n.t('sites.enabled.intro')}</p>
      <LockNotice policy={policy} setting="enabledSites" className="mb-3" />
      <AddSiteForm toggle={toggle} locked={locked} className="mb-4" />
      {notice && (
        <p
          role={notice.tone === 'error' ? 'alert' : 'status'}
          className={`mb-3 rounded-md p-2 text-sm ${notice.tone === 'error' ? 'bg-red-50 text-red-900' : 'bg-emerald-50 text-emerald-900'}`}
        >
          {notice.text}
        </p>
      )}
      {sites.status === 'loading' && <Skeleton className="h-24" />}
      {sites.status === 'error' && <StatusMessage tone="error" title={sites.message} action={{ label: i18n.t('common.retry'), onClick: () => reload() }} />}
      {sites.status === 'ready' && (
        <>
          {sites.data.policyProblems.length > 0 && (
            <p role="alert" className="mb-3 rounded-md bg-amber-50 p-2 text-xs text-amber-950">
              {i18n.t('sites.enabled.policyProblems', [sites.data.policyProblems.join('; ')])}
            </p>
          )}
          <table className="w-full text-left text-sm" aria-label={i18n.t('options.tabs.sitesEnabled')}>
            <thead className="border-b border-slate-200 text-xs text-slate-500">
              <tr>
                <th className="py-2 font-medium">{i18n.t('sites.enabled.site')}</th>
                <th className="py-2 font-medium">{i18n.t('sites.enabled.source')}</th>
                <th className="py-2 font-medium">{i18n.t('sites.enabled.status')}</th>
                <th className="py-2 font-medium">{i18n.t('sites.enabled.added_at')}</th>
                <th className="py-2 text-right font-medium">{i18n.t('sites.enabled.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.data.sites.map((site) => (
                <tr key={site.origin} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 font-medium text-slate-900" title={site.origin}>
                    {siteLabel(site.origin)}
                  </td>
                  <td className="py-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs ring-1 ${SOURCE_STYLE[site.source]}`}>{i18n.t(`sites.enabled.${site.source}`)}</span>
                  </td>
                  <td className="py-2">
                    <span className={site.granted ? 'text-emerald-700' : 'text-amber-700'}>
                      {site.granted ? i18n.t('sites.enabled.active') : i18n.t('sites.enabled.needs_access')}
                    </span>
                  </td>
                  <td className="py-2 text-slate-500">{site.addedAt ? formatDate(site.addedAt, locale) : '–'}</td>
                  <td className="py-2 text-right">
                    {(site.source === 'user' || site.source === 'builtin') && (
                      <button
                        type="button"
                        className={BUTTON}
                        disabled={busy || locked}
                        aria-label={i18n.t('sites.enabled.removeLabel', [siteLabel(site.origin)])}
                        onClick={() => disable(site.origin)}
                      >
                        {i18n.t('sites.enabled.remove')}
                      </button>
                    )}
                    {site.source === 'policy' && (
                      <span className="inline-flex items-center gap-2">
                        {!site.granted && (
                          <button
                            type="button"
                            className={BUTTON}
                            disabled={busy}
                            aria-label={i18n.t('sites.enabled.grantLabel', [siteLabel(site.origin)])}
                            onClick={() => enable(site.origin)}
                          >
                            {i18n.t('sites.enabled.grant')}
                          </button>
                        )}
                        <span className="text-xs text-violet-800" title={sites.data.lockReason ?? undefined}>
                          🔒 {sites.data.lockReason ?? i18n.t('sites.enabled.locked')}
                        </span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
