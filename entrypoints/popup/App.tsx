import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { LockNotice } from '@/components/LockNotice';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { usePolicy } from '@/components/usePolicy';
import { useRequest } from '@/components/useRequest';
import { useSiteToggle } from '@/components/useSiteToggle';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { SiteStatusView } from '@/lib/sites/sites-commands';
import type { SiteState } from '@/lib/sites/enabled-sites';
import { siteLabel, siteOriginOf } from '@/lib/sites/origins';
import { openSidePanel } from '@/lib/side-panel';
import { currentTab, type CurrentTab } from './current-tab';
import { AlertDigest } from './AlertDigest';
import { HealthPanel } from './HealthPanel';
import { TeachButton } from './TeachButton';
import { needsAttention } from '@/lib/sites/health-state';

const STATE_STYLE: Record<SiteState, string> = {
  'not-web': 'bg-slate-100 text-slate-600',
  builtin: 'bg-sky-50 text-sky-800',
  enabled: 'bg-emerald-50 text-emerald-800',
  policy: 'bg-violet-50 text-violet-800',
  'policy-needs-access': 'bg-amber-50 text-amber-900',
  'not-enabled': 'bg-slate-100 text-slate-700',
};

const PRIMARY =
  'rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-800';
const SECONDARY =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-800';

/** Opened as the action popup (not as a page with ?tab=), it closes once the panel is open. */
const closeIfPopup = () => !new URLSearchParams(window.location.search).has('tab') && window.close();

/** The action popup: the current tab's site, turning it on or off, and whether reading it still works. */
export function App() {
  const tab = useRequest(() => currentTab(window.location.search));
  return (
    <main className="w-[360px] space-y-3 bg-slate-50 p-3 text-slate-900">
      <header className="flex items-center justify-between">
        <h1 className="flex items-center gap-2 text-sm font-semibold">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full bg-red-500 ring-4 ring-red-100" />
          {i18n.t('popup.title')}
        </h1>
        <span className="flex gap-3">
          <a className="text-xs font-medium text-sky-700 hover:underline" href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noreferrer">
            {i18n.t('welcome.popupLink')}
          </a>
          <button type="button" className="text-xs font-medium text-sky-700 hover:underline" onClick={() => void browser.runtime.openOptionsPage()}>
            {i18n.t('popup.openOptions')}
          </button>
        </span>
      </header>
      <AlertDigest />
      {tab.status === 'loading' && <Skeleton className="h-24" />}
      {tab.status === 'error' && <StatusMessage tone="error" title={tab.message} />}
      {tab.status === 'ready' && (tab.data ? <SitePanel tab={tab.data} /> : <StatusMessage title={i18n.t('popup.noTab')} />)}
    </main>
  );
}

function SitePanel({ tab }: { tab: CurrentTab }) {
  const locale = uiLocale();
  const origin = siteOriginOf(tab.url);
  const status = useRequest(() => sendMessage('getSiteStatus', { origin }));
  const { reload } = status;
  const policy = usePolicy();
  const locked = policy.isLocked('enabledSites');
  const { busy, notice, enable, disable } = useSiteToggle(
    { enabled: () => i18n.t('popup.enabled'), denied: () => i18n.t('popup.denied'), disabled: () => i18n.t('popup.disabled') },
    () => reload(true),
  );

  useEffect(() => onBackgroundEvent((event) => (event.type === 'sites-changed' || event.type === 'health-changed') && reload(true)), [reload]);

  if (status.status === 'loading') return <Skeleton className="h-24" />;
  if (status.status === 'error')
    return <StatusMessage tone="error" title={status.message} action={{ label: i18n.t('common.retry'), onClick: () => reload() }} />;
  const view: SiteStatusView = status.data;
  const readable = view.state === 'builtin' || view.state === 'enabled' || view.state === 'policy';
  // Reading needs the user (nothing read yet, reading stopped): teaching is what helps, so the panel offers it first.
  const teachInPanel = !!view.health && (needsAttention(view.health.status) || view.health.status === 'none-recent');

  return (
    <>
      <section aria-labelledby="site-title" className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <p id="site-title" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {i18n.t('popup.currentSite')}
        </p>
        {origin && (
          <p data-testid="site-host" className="mt-1 truncate text-base font-semibold" title={origin}>
            {siteLabel(origin)}
          </p>
        )}
        <p data-testid="site-state" data-state={view.state} className={`mt-2 rounded-md px-2 py-1.5 text-xs font-medium ${STATE_STYLE[view.state]}`}>
          {t(`popup.state.${view.state.replaceAll('-', '_')}`)}
        </p>
        {origin && (
          <div className="mt-3 flex flex-wrap gap-2">
            {view.state === 'not-enabled' && (
              <button type="button" className={PRIMARY} disabled={busy || locked} onClick={() => enable(origin)}>
                {busy ? i18n.t('popup.working') : i18n.t('popup.enable')}
              </button>
            )}
            {view.state === 'policy-needs-access' && (
              <button type="button" className={PRIMARY} disabled={busy} onClick={() => enable(origin)}>
                {busy ? i18n.t('popup.working') : i18n.t('popup.grant')}
              </button>
            )}
            {view.canDisable && (
              <button type="button" className={SECONDARY} disabled={busy || locked} onClick={() => disable(origin)}>
                {busy ? i18n.t('popup.working') : i18n.t('popup.disable')}
              </button>
            )}
          </div>
        )}
        {(view.state === 'not-enabled' || view.canDisable) && <LockNotice policy={policy} setting="enabledSites" className="mt-2" />}
        {view.state === 'not-enabled' && origin && !locked && <p className="mt-2 text-xs text-slate-500">{i18n.t('popup.enableHint')}</p>}
        {view.state === 'policy' && view.lockReason && <p className="mt-2 text-xs text-violet-800">🔒 {view.lockReason}</p>}
        {notice && (
          <p
            role={notice.tone === 'error' ? 'alert' : 'status'}
            className={`mt-2 rounded-md p-2 text-xs ${notice.tone === 'error' ? 'bg-red-50 text-red-900' : 'bg-emerald-50 text-emerald-900'}`}
          >
            {notice.text}
          </p>
        )}
      </section>
      {/* "Teach this page": prominent inside the health panel while reading needs the user, else a quiet page tool below. */}
      {view.health && <HealthPanel summary={view.health} locale={locale} teach={readable && teachInPanel ? <TeachButton tabId={tab.id} prominent /> : null} />}
      {readable && !teachInPanel && <TeachButton tabId={tab.id} prominent={!view.health} hint={!view.health} />}
      {/* Page tools (field mapping's "Map fields on this page" goes here). */}
      <div data-popup-actions className="flex flex-wrap gap-2">
        {view.state !== 'not-web' && (
          <button type="button" className={SECONDARY} onClick={() => void openSidePanel(tab.id).then(closeIfPopup, () => undefined)}>
            {i18n.t('popup.openSidePanel')}
          </button>
        )}
        {readable && (
          <button
            type="button"
            className={SECONDARY}
            onClick={() =>
              void sendMessage('startFieldPicker', { tabId: tab.id }).then(
                ({ started }) => started && closeIfPopup(),
                () => undefined,
              )
            }
          >
            {i18n.t('mapping.popupPick')}
          </button>
        )}
      </div>
    </>
  );
}
