import { useId, type ReactNode } from 'react';

export interface CardProps {
  /** Heading text; the card is a labelled region when given. */
  title?: ReactNode;
  /** Small text under the title. */
  subtitle?: ReactNode;
  /** Controls on the right of the heading (e.g. a Copy button). */
  actions?: ReactNode;
  /** Heading level: h2 on pages, h3 inside sections. */
  level?: 2 | 3;
  className?: string;
  children: ReactNode;
}

/** A white panel with an optional heading row; the basic block of every page. */
export function Card({ title, subtitle, actions, level = 2, className = '', children }: CardProps) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={title ? headingId : undefined} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="mb-3 flex items-start justify-between gap-3">
          <div className="min-w-0">
            {title && (
              <Heading id={headingId} className="text-sm font-semibold text-slate-800">
                {title}
              </Heading>
            )}
            {subtitle && <p className="mt-0.5 text-xs text-slate-500">{subtitle}</p>}
          </div>
          {actions && <div className="shrink-0">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
