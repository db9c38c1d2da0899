import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/browser-client';

const PROMINENT =
  'w-full rounded-md bg-emerald-700 px-3 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700';
const QUIET =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-800';

/**
 * "Teach this page": always offered on a site Churn Radar reads; prominent
 * while reading needs the user (in the health panel, which says why; with its
 * own hint before any page of the site was seen). The overlay
 * is injected into the tab (lib/background/inject-page-tools.ts); the popup closes
 * so the user can click on the page.
 */
export function TeachButton({ tabId, prominent, hint = false }: { tabId: number; prominent: boolean; hint?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const start = () => {
    setBusy(true);
    setFailed(false);
    sendMessage('startTeaching', { tabId }).then(
      ({ started }) => {
        setBusy(false);
        if (!started) return setFailed(true);
        // Opened as the action popup (not as a page with ?tab=), it closes so the page can be clicked.
        if (!new URLSearchParams(window.location.search).has('tab')) window.close();
      },
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  };
  return (
    <section aria-label={i18n.t('teach.popupButton')} className={hint ? 'space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3' : ''}>
      {hint && <p className="text-xs text-emerald-950">{i18n.t('teach.popupHint')}</p>}
      <button type="button" data-testid="teach-page" className={prominent ? PROMINENT : QUIET} disabled={busy} onClick={start}>
        {i18n.t('teach.popupButton')}
      </button>
      {failed && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 p-2 text-xs text-red-900">
          {i18n.t('teach.popupFailed')}
        </p>
      )}
    </section>
  );
}
