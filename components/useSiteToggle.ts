import { useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../lib/messaging/browser-client';
import { outcomeNotice, requestAndEnable, type Notice } from '../lib/sites/enable-flow';
import { forgetPendingEnable, markPendingEnable } from '../lib/sites/pending-enable';

export interface SiteToggleWords {
  enabled: (origin: string) => string;
  denied: (origin: string) => string;
  disabled: (origin: string) => string;
}

/**
 * Enable / disable a site from a page (popup, options): the permission prompt,
 * the background call, a busy flag and the notice to show. `onDone` runs after
 * either, to re-read the page's view.
 */
export function useSiteToggle(words: SiteToggleWords, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  // No await before requestAndEnable: the browser only shows its prompt inside the user's click.
  const enable = (origin: string, after?: (ok: boolean) => void) => {
    setBusy(true);
    setNotice(null);
    void markPendingEnable(origin).catch(() => undefined);
    void requestAndEnable(origin, {
      request: (origins) => browser.permissions.request({ origins }),
      send: sendMessage,
      portInPattern: import.meta.env.BROWSER !== 'firefox',
    }).then((outcome) => {
      setBusy(false);
      void forgetPendingEnable(origin).catch(() => undefined);
      after?.(outcome.ok);
      setNotice(outcomeNotice(outcome, { enabled: words.enabled(origin), denied: words.denied(origin) }));
      onDone();
    });
  };

  const disable = (origin: string) => {
    setBusy(true);
    setNotice(null);
    sendMessage('disableSite', { origin }).then(
      () => {
        setBusy(false);
        setNotice({ tone: 'ok', text: words.disabled(origin) });
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  return { busy, notice, setNotice, enable, disable };
}
