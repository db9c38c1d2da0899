import type { ReactNode } from 'react';

export interface StatusMessageProps {
  /** "info" for empty/neutral states, "error" for failures (announced as an alert). */
  tone?: 'info' | 'error';
  title: ReactNode;
  detail?: ReactNode;
  /** One button, e.g. Retry. */
  action?: { label: string; onClick: () => void };
  className?: string;
}

/** A centred message for empty, not-yet and error states. */
export function StatusMessage({ tone = 'info', title, detail, action, className = '' }: StatusMessageProps) {
  const error = tone === 'error';
  return (
    <div
      role={error ? 'alert' : 'status'}
      className={`rounded-lg border p-5 text-center ${
        error ? 'border-red-200 bg-red-50 text-red-900' : 'border-slate-200 bg-white text-slate-700'
      } ${className}`}
    >
      <div
        aria-hidden="true"
        className={`mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-full text-lg font-bold ${
          error ? 'bg-red-100 text-red-700' : 'bg-sky-100 text-sky-700'
        }`}
      >
        {error ? '!' : 'i'}
      </div>
      <p className="text-sm font-semibold">{title}</p>
      {detail && <p className={`mt-1 text-xs break-words ${error ? 'text-red-800' : 'text-slate-500'}`}>{detail}</p>}
      {action && (
        <button
          type="button"
          onClick={action.onClick}
          className={`mt-4 rounded-md px-3 py-1.5 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 ${
            error ? 'bg-red-700 hover:bg-red-800 focus-visible:outline-red-700' : 'bg-slate-800 hover:bg-slate-900 focus-visible:outline-slate-800'
          }`}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
