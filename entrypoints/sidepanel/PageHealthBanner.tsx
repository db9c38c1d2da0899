import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { t } from '../../components/i18n';
import { useRequest } from '../../components/useRequest';
import { sendMessage } from '../../lib/messaging/browser-client';
import { onBackgroundEvent } from '../../lib/messaging/events';
import type { PageHealthView } from '../../lib/messaging/sites-protocol';
import { warningText } from '../../lib/sites/health-text';

async function activeTabHealth(): Promise<PageHealthView | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : sendMessage('getPageHealth', { tabId: tab.id });
}

/**
 * "This page could not be read": the active tab's page is of a kind that used
 * to yield customers and now yields none, so the customer shown below is not
 * from it. Nothing when the page was read.
 */
export function PageHealthBanner() {
  const health = useRequest(activeTabHealth);
  const { reload } = health;
  useEffect(() => {
    const refresh = () => reload(true);
    browser.tabs.onActivated.addListener(refresh);
    const stop = onBackgroundEvent((event) => event.type === 'health-changed' && refresh());
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      stop();
    };
  }, [reload]);
  if (health.status !== 'ready' || !health.data || health.data.readable) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{i18n.t('sites.unreadable.title')}</p>
      <p className="mt-1 text-xs">{i18n.t('sites.unreadable.detail')}</p>
      {health.data.warnings.map((warning) => (
        <p key={`${warning.kind}:${warning.kind === 'field-missing' ? warning.label : ''}`} className="mt-1 text-xs text-amber-900">
          {warningText(warning, t)}
        </p>
      ))}
    </div>
  );
}
