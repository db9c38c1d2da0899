import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { AddSiteForm } from '@/components/AddSiteForm';
import { usePolicy } from '@/components/usePolicy';
import { useSiteToggle } from '@/components/useSiteToggle';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { siteLabel } from '@/lib/sites/origins';

const LINK_BUTTON =
  'inline-flex items-center rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-800';

/**
 * First run (opened once, on install; the popup links here): what the product
 * does, that nothing leaves the browser, the two ways to start, and where each
 * role finds its part. Short on purpose: one screen, not a manual.
 */
export function App() {
  const policy = usePolicy();
  const toggle = useSiteToggle(
    {
      enabled: (origin) => i18n.t('sites.enabled.added', [siteLabel(origin)]),
      denied: (origin) => i18n.t('sites.enabled.denied', [siteLabel(origin)]),
      disabled: (origin) => i18n.t('sites.enabled.removed', [siteLabel(origin)]),
    },
    () => undefined,
  );
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-6 py-10 text-slate-900">
      <header className="flex items-center gap-4">
        <img src="/icon/128.png" alt="" width={64} height={64} />
        <div>
          <h1 className="text-2xl font-semibold">{i18n.t('welcome.title')}</h1>
          <p className="mt-1 text-slate-600">{i18n.t('welcome.tagline')}</p>
        </div>
      </header>

      <p role="note" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
        <strong className="font-semibold">{i18n.t('welcome.privateTitle')}</strong> {i18n.t('welcome.privateText')}
      </p>

      <section aria-labelledby="start-title" className="grid gap-4 md:grid-cols-2">
        <h2 id="start-title" className="sr-only">
          {i18n.t('welcome.startTitle')}
        </h2>
        <Step title={i18n.t('welcome.demoTitle')}>
          <p>{i18n.t('welcome.demoText')}</p>
          <a className={`${LINK_BUTTON} mt-3`} href={`${DEMO_CRM_ORIGIN}/customers`} target="_blank" rel="noreferrer">
            {i18n.t('welcome.demoOpen')}
          </a>
        </Step>
        <Step title={i18n.t('welcome.enableTitle')}>
          <p>{i18n.t('welcome.enableText')}</p>
          <AddSiteForm toggle={toggle} locked={policy.isLocked('enabledSites')} className="mt-3" />
          {toggle.notice && (
            <p
              role={toggle.notice.tone === 'error' ? 'alert' : 'status'}
              className={`mt-2 rounded-md p-2 text-xs ${toggle.notice.tone === 'error' ? 'bg-red-50 text-red-900' : 'bg-emerald-50 text-emerald-900'}`}
            >
              {toggle.notice.text}
            </p>
          )}
        </Step>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title" className="mb-3 text-lg font-semibold">
          {i18n.t('welcome.rolesTitle')}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          <Step title={i18n.t('welcome.repTitle')}>{i18n.t('welcome.repText')}</Step>
          <Step title={i18n.t('welcome.agentTitle')}>{i18n.t('welcome.agentText')}</Step>
          <Step title={i18n.t('welcome.managerTitle')}>
            <p>{i18n.t('welcome.managerText')}</p>
            <button type="button" className={`${LINK_BUTTON} mt-3`} onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('welcome.openOptions')}
            </button>
          </Step>
        </div>
      </section>
      <p className="text-xs text-slate-500">{i18n.t('welcome.later')}</p>
    </main>
  );
}

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm">
      <h3 className="mb-1 text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </div>
  );
}
