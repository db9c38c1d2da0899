import type { ReactNode } from 'react';

export interface MetricTileProps {
  label: string;
  value: ReactNode;
  /** One short line under the value (what the metric means). */
  hint?: string;
  className?: string;
}

/** One headline number, e.g. "ROC AUC 0.845 ± 0.012". */
export function MetricTile({ label, value, hint, className = '' }: MetricTileProps) {
  return (
    <div className={`rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 ${className}`}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-xs leading-snug text-slate-500">{hint}</dd>}
    </div>
  );
}
