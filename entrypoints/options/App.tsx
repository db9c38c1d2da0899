import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Skeleton } from '../../components/Skeleton';
import { StorageBanner } from '../../components/StorageBanner';
import { uiLocale } from '../../components/i18n';
import { DataSection } from './DataSection';
import { FeedbackSection } from './FeedbackSection';
import { ModelSection } from './ModelSection';
import { ModelsSection } from './ModelsSection';
import { ScorecardSection } from './ScorecardSection';
import { TiersSection } from './TiersSection';
import { TrainSection } from './TrainSection';
import type { PreparedData } from './workspace';

// The charts (recharts) load in their own chunk, after the rest of the console is on screen.
const EvaluationSection = lazy(() => import('./EvaluationSection').then((m) => ({ default: m.EvaluationSection })));

const SECTIONS = ['model', 'data', 'train', 'evaluation', 'models', 'scorecard', 'tiers', 'feedback'] as const;
type Section = (typeof SECTIONS)[number];

function sectionFromHash(hash: string): Section {
  const id = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(id) ? (id as Section) : 'model';
}

/**
 * Follows which section is being read, for the nav's "current" mark: the last
 * section whose heading has passed a line near the top of the window, or the
 * last section once the page is scrolled to the bottom.
 */
function useCurrentSection(): Section {
  const [current, setCurrent] = useState<Section>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let next: Section = SECTIONS[0];
      for (const id of SECTIONS) {
        const top = document.getElementById(id)?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
        if (top <= 120) next = id;
      }
      setCurrent(atBottom && window.scrollY > 0 ? SECTIONS[SECTIONS.length - 1]! : next);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, []);
  return current;
}

/** The manager console: a header, a sticky section nav, and every section on one scrolling page. */
export function App() {
  const current = useCurrentSection();
  const [prepared, setPrepared] = useState<PreparedData | null>(null);
  const [evaluated, setEvaluated] = useState<string | null>(null);
  const onPrepared = useCallback((data: PreparedData | null) => setPrepared(data), []);
  const labels: Record<Section, string> = {
    model: i18n.t('options.nav.model'),
    data: i18n.t('options.nav.data'),
    train: i18n.t('options.nav.train'),
    evaluation: i18n.t('options.nav.evaluation'),
    models: i18n.t('options.nav.models'),
    scorecard: i18n.t('options.nav.scorecard'),
    tiers: i18n.t('options.nav.tiers'),
    feedback: i18n.t('options.nav.feedback'),
  };

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-6 py-3">
          <Logo />
          <div>
            <h1 className="text-base leading-tight font-semibold text-slate-900">{i18n.t('extName')}</h1>
            <p className="text-xs text-slate-500">{i18n.t('options.subtitle')}</p>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-6 md:flex-row md:items-start">
        <nav aria-label={i18n.t('options.navLabel')} className="md:sticky md:top-6 md:w-48 md:shrink-0">
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {SECTIONS.map((id) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  aria-current={id === current ? 'location' : undefined}
                  className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                    id === current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'
                  }`}
                >
                  {labels[id]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {/* Bottom room so the last section can scroll up to the top when its nav link is used. */}
        <main className="min-w-0 flex-1 space-y-10 pb-[40vh]">
          <StorageBanner locale={uiLocale()} />
          <Section id="model" title={labels.model}>
            <ModelSection />
          </Section>
          <Section id="data" title={labels.data}>
            <DataSection onChange={onPrepared} />
          </Section>
          <Section id="train" title={labels.train}>
            <TrainSection data={prepared} onTrained={setEvaluated} />
          </Section>
          <Section id="evaluation" title={labels.evaluation}>
            <Suspense fallback={<Skeleton className="h-96 w-full" />}>
              <EvaluationSection modelId={evaluated} onSelect={setEvaluated} />
            </Suspense>
          </Section>
          <Section id="models" title={labels.models}>
            <ModelsSection onEvaluate={setEvaluated} />
          </Section>
          <Section id="scorecard" title={labels.scorecard}>
            <ScorecardSection />
          </Section>
          <Section id="tiers" title={labels.tiers}>
            <TiersSection />
          </Section>
          <Section id="feedback" title={labels.feedback}>
            <FeedbackSection />
          </Section>
        </main>
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: Section; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6">
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
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
