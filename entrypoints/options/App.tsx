import { Suspense, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Skeleton } from '@/components/Skeleton';
import { StorageBanner } from '@/components/StorageBanner';
import { uiLocale } from '@/components/ui-locale';
import { CONSOLE_TABS, hashFor, routeFromHash, type ConsoleRoute, type ConsoleTabId } from './tabs/tab-registry';

function useRoute(): [ConsoleRoute, (tab: ConsoleTabId) => void] {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (tab: ConsoleTabId) => {
    const next = { tab, section: null };
    history.replaceState(null, '', hashFor(next));
    setRoute(next);
    window.scrollTo({ top: 0 });
  };
  return [route, select];
}

/** Once a tab's content is on screen, scroll to the section the link named (e.g. #/models/train). */
function useScrollToSection(route: ConsoleRoute): void {
  useEffect(() => {
    if (!route.section) return;
    let tries = 0;
    const timer = setInterval(() => {
      const target = document.getElementById(route.section!);
      if (target || ++tries > 50) {
        clearInterval(timer);
        target?.scrollIntoView({ block: 'start' });
      }
    }, 50);
    return () => clearInterval(timer);
  }, [route.tab, route.section]);
}

/** The manager console: a header with the tab bar, then the chosen tab. */
export function App() {
  const [route, select] = useRoute();
  useScrollToSection(route);
  const active = CONSOLE_TABS.find((tab) => tab.id === route.tab) ?? CONSOLE_TABS[0];
  const Active = active.component;
  const labels: Record<ConsoleTabId, string> = {
    dashboard: i18n.t('options.tabs.dashboard'),
    risk: i18n.t('options.tabs.risk'),
    playbooks: i18n.t('options.tabs.playbooks'),
    experiments: i18n.t('experiments.tab'),
    models: i18n.t('options.tabs.models'),
    sites: i18n.t('options.tabs.sites'),
    privacy: i18n.t('options.tabs.privacy'),
  };

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
          <div className="flex items-center gap-3">
            <Logo />
            <div>
              <h1 className="text-base leading-tight font-semibold text-slate-900">{i18n.t('extName')}</h1>
              <p className="text-xs text-slate-500">{i18n.t('options.subtitle')}</p>
            </div>
          </div>
          <div role="tablist" aria-label={i18n.t('options.tabs.label')} className="flex flex-wrap gap-1">
            {CONSOLE_TABS.map(({ id }) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={id === active.id}
                aria-controls="console-panel"
                onClick={() => select(id)}
                className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                  id === active.id ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {labels[id]}
              </button>
            ))}
          </div>
        </div>
      </header>
      <main id="console-panel" role="tabpanel" aria-labelledby={`tab-${active.id}`} className="mx-auto max-w-6xl space-y-6 px-6 py-6">
        <StorageBanner locale={uiLocale()} />
        <Suspense fallback={<Skeleton className="h-96 w-full" />}>
          <Active />
        </Suspense>
      </main>
    </div>
  );
}

/** A small radar mark; decorative. */
function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="h-8 w-8 shrink-0">
      <rect width="32" height="32" rx="7" fill="#0f172a" />
      <circle cx="16" cy="16" r="10" fill="none" stroke="#38bdf8" strokeWidth="1.5" opacity="0.6" />
      <circle cx="16" cy="16" r="5" fill="none" stroke="#38bdf8" strokeWidth="1.5" opacity="0.8" />
      <path d="M16 16 L24.5 10.5" stroke="#e2e8f0" strokeWidth="2" strokeLinecap="round" />
      <circle cx="22" cy="20" r="2.2" fill="#ef4444" />
    </svg>
  );
}
