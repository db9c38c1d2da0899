import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';

export interface TabSection {
  /** The element id: a stable anchor for links and tests. */
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * Follows which section is being read, for the nav's "current" mark: the last
 * section whose heading has passed a line near the top of the window, or the
 * last section once the page is scrolled to the bottom.
 */
function useCurrentSection(ids: readonly string[]): string {
  const [current, setCurrent] = useState<string>(ids[0] ?? '');
  const key = ids.join(' ');
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let next = ids[0] ?? '';
      for (const id of ids) {
        const top = document.getElementById(id)?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
        if (top <= 120) next = id;
      }
      setCurrent(atBottom && window.scrollY > 0 ? ids[ids.length - 1]! : next);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are compared by value through key
  }, [key]);
  return current;
}

/** A tab made of several sections on one scrolling page, with a sticky nav of their titles. */
export function SectionedTab({ sections }: { sections: readonly TabSection[] }) {
  const current = useCurrentSection(sections.map((s) => s.id));
  const scrollTo = (id: string) => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div className="flex flex-col gap-6 md:flex-row md:items-start">
      <nav aria-label={i18n.t('options.navLabel')} className="md:sticky md:top-20 md:w-48 md:shrink-0">
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {sections.map(({ id, title }) => (
            <li key={id}>
              <button
                type="button"
                onClick={() => scrollTo(id)}
                aria-current={id === current ? 'location' : undefined}
                className={`block w-full rounded-md px-3 py-2 text-left text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
                  id === current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'
                }`}
              >
                {title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {/* Bottom room so the last section can scroll up to the top when its nav link is used. */}
      <div className="min-w-0 flex-1 space-y-10 pb-[40vh]">
        {sections.map(({ id, title, content }) => (
          <section key={id} id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-20">
            <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">
              {title}
            </h2>
            {content}
          </section>
        ))}
      </div>
    </div>
  );
}
