import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';

export interface CopyButtonProps {
  text: string;
  className?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text with navigator.clipboard and says so ("Copied" / failure) in a live region. */
export function CopyButton({ text, className = '' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A different text means a different script: the old "Copied" no longer applies.
  useEffect(() => setState('idle'), [text]);

  async function copy() {
    clearTimeout(timer.current);
    let next: CopyState;
    try {
      await navigator.clipboard.writeText(text);
      next = 'copied';
    } catch {
      next = 'failed';
    }
    setState(next);
    // The failure hint stays longer: the user has to select the text by hand.
    timer.current = setTimeout(() => setState('idle'), next === 'failed' ? 8000 : 2500);
  }

  const label = state === 'copied' ? i18n.t('common.copied') : i18n.t('common.copy');
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={copy}
        className={`rounded-md border px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
          state === 'copied' ? 'border-green-600 bg-green-50 text-green-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        } ${className}`}
      >
        {state === 'copied' ? '✓ ' : ''}
        {label}
      </button>
      <span aria-live="polite" className={state === 'failed' ? 'max-w-48 text-right text-xs text-red-700' : 'sr-only'}>
        {state === 'failed' ? i18n.t('common.copyFailed') : state === 'copied' ? i18n.t('common.copied') : ''}
      </span>
    </span>
  );
}
