import { i18n } from '#i18n';
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FILE_LIMITS, megabytes, type FileKind } from '@/lib/files/limits';

/** Button looks of the console: one primary action per card, secondary and quiet ones around it. */
export function buttonClass(variant: 'primary' | 'secondary' | 'danger' | 'quiet' = 'secondary', size: 'sm' | 'md' = 'md'): string {
  const base =
    'inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50';
  const sizes = size === 'sm' ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm';
  const looks = {
    primary: 'bg-slate-900 text-white hover:bg-slate-700',
    secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
    danger: 'border border-red-200 bg-white text-red-700 hover:bg-red-50',
    quiet: 'text-sky-700 hover:bg-sky-50',
  } as const;
  return `${base} ${sizes} ${looks[variant]}`;
}

export function Select({ className = '', children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <select
      {...props}
      className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:bg-slate-100 ${className}`}
    >
      {children}
    </select>
  );
}

export function Pill({ tone = 'slate', children }: { tone?: 'slate' | 'sky' | 'green' | 'amber' | 'red'; children: ReactNode }) {
  const tones = {
    slate: 'bg-slate-100 text-slate-700',
    sky: 'bg-sky-100 text-sky-800',
    green: 'bg-emerald-100 text-emerald-800',
    amber: 'bg-amber-100 text-amber-900',
    red: 'bg-red-100 text-red-800',
  } as const;
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}

/** A notice inside a card: amber for warnings, red for errors, sky for information. */
export function Notice({ tone, title, children }: { tone: 'info' | 'warning' | 'error' | 'success'; title?: ReactNode; children?: ReactNode }) {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-900',
    warning: 'border-amber-200 bg-amber-50 text-amber-950',
    error: 'border-red-200 bg-red-50 text-red-900',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  } as const;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? 'mt-0.5 text-xs leading-relaxed' : ''}>{children}</div>}
    </div>
  );
}

/**
 * Reads a picked file as text (UTF-8), refusing one larger than its kind's
 * limit (lib/files/limits.ts) before reading a byte: a gigabyte picked by
 * mistake would otherwise freeze the page.
 */
export async function readFileText(file: File, kind: FileKind): Promise<string> {
  const limit = FILE_LIMITS[kind];
  if (file.size > limit) throw new Error(i18n.t('files.tooLarge', [file.name, (file.size / 1e6).toFixed(1), megabytes(limit)]));
  return file.text();
}

/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
