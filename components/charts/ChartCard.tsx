import type { ReactNode } from 'react';

export interface ChartCardProps {
  title: string;
  /** One line: what the chart shows and how to read it. */
  description?: string;
  /** Screen-reader summary of what the chart says (the chart itself is an image to them). */
  summary: string;
  /** Key figure shown right of the title (short). */
  aside?: ReactNode;
  /** Legend shown under the description. */
  legend?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled, described frame around one chart, the same height in every row of the grid. */
export function ChartCard({ title, description, summary, aside, legend, className = '', children }: ChartCardProps) {
  return (
    <figure className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      <figcaption className="mb-2">
        <div className="flex items-baseline justify-between gap-3">
          <span className="text-sm font-semibold text-slate-800">{title}</span>
          {aside && <span className="shrink-0 text-xs text-slate-500 tabular-nums">{aside}</span>}
        </div>
        {description && <p className="mt-0.5 text-xs leading-snug text-slate-500">{description}</p>}
        {legend && <div className="mt-2">{legend}</div>}
      </figcaption>
      <div role="img" aria-label={summary} className="min-h-0 flex-1">
        {children}
      </div>
    </figure>
  );
}

/** A small colour key: ■ name. */
export function LegendKey({ items }: { items: { label: string; colour: string; dashed?: boolean }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block h-0.5 w-4 ${item.dashed ? 'border-t-2 border-dashed bg-transparent' : ''}`}
            style={item.dashed ? { borderColor: item.colour } : { backgroundColor: item.colour, height: 3 }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
