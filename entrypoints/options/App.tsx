import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { ModelSection } from './ModelSection';
import { TiersSection } from './TiersSection';

const SECTIONS = ['model', 'tiers'] as const;
type Section = (typeof SECTIONS)[number];

function sectionFromHash(hash: string): Section {
  const id = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(id) ? (id as Section) : 'model';
}

/** The manager console: a header, a section nav (links, so back/forward and bookmarks work) and one section at a time. */
export function App() {
  const [section, setSection] = useState<Section>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const labels: Record<Section, string> = {
    model: i18n.t('options.nav.model'),
    tiers: i18n.t('options.nav.tiers'),
  };

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-6 py-3">
          <Logo />
          <div>
            <p className="text-base leading-tight font-semibold text-slate-900">{i18n.t('extName')}</p>
            <p className="text-xs text-slate-500">{i18n.t('options.subtitle')}</p>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-6 md:flex-row">
        <nav aria-label={i18n.t('options.navLabel')} className="md:w-48 md:shrink-0">
          <ul className="flex gap-1 md:flex-col">
            {SECTIONS.map((id) => {
              const current = id === section;
              return (
                <li key={id}>
                  <a
                    href={`#${id}`}
                    aria-current={current ? 'page' : undefined}
                    className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                      current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'
                    }`}
                  >
                    {labels[id]}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <main className="min-w-0 flex-1">
          <h1 className="mb-4 text-xl font-semibold text-slate-900">{labels[section]}</h1>
          {section === 'model' ? <ModelSection /> : <TiersSection />}
        </main>
      </div>
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
