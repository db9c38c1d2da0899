import { browser } from 'wxt/browser';
import { openDatabase } from '../db/db';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import { t } from '../i18n';
import { emitBackgroundEvent } from '../messaging/events';
import { parseModelArtifact } from '../model/artifact';
import { createScorer } from '../model/scorer';
import { localeOf } from '../playbooks/default-playbook';
import { focusedCustomerItem, storageProblemItem, tierThresholdsItem } from '../settings';
import { cachedItem } from './cached-item';
import { createCustomerStore } from './customer-store';
import { createHandlers } from './handlers';
import { createModelProvider } from './model-provider';
import { createRouter, type SenderInfo } from './router';

/** Path of the model trained on the demo CRM's history at build time (public/model/). */
const BUNDLED_MODEL_PATH = '/model/demo-model.json';

type SidePanelApi = { open(options: { tabId: number }): Promise<void>; setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

async function openSidePanel(tabId: number): Promise<void> {
  const chromePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (chromePanel) return chromePanel.open({ tabId });
  const firefoxSidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  if (firefoxSidebar) return firefoxSidebar.open();
}

/** Everything the service worker does, registered synchronously so no early message is missed. */
export function startBackground(): void {
  const db = openDatabase();
  const models = createModelProvider({
    db,
    loadBundled: async () => {
      const response = await fetch(browser.runtime.getURL(BUNDLED_MODEL_PATH as '/'));
      if (!response.ok) throw new Error(`The bundled model is missing (${response.status}). Rebuild the extension with npm run build.`);
      return response.json();
    },
    parse: parseModelArtifact,
    createScorer,
  });
  const customers = createCustomerStore(db, {
    onWriteFailure: (error, batch) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error('[churn-radar] could not save customer history', error);
      void storageProblemItem.setValue({
        message,
        at: Date.now(),
        lost: { customers: batch.customers.length, observations: batch.observations.length, scores: batch.scores.length },
      });
    },
    onWriteSuccess: () => void storageProblemItem.removeValue(),
  });
  const thresholds = cachedItem(tierThresholdsItem);
  const focus = cachedItem(focusedCustomerItem);
  const handlers = createHandlers({
    db,
    customers,
    models,
    thresholds: thresholds.get,
    focus,
    openSidePanel,
    emit: emitBackgroundEvent,
    // Scripts follow the language the extension's messages are shown in: ask the
    // message bundle itself, since getUILanguage() and @@ui_locale can disagree
    // with the bundle Chrome picked (seen: both "en-US" with zh_CN messages).
    locale: () => localeOf(t('common.intlLocale') || browser.i18n.getUILanguage()),
    defer: (task) => setTimeout(task, 0),
    t,
    now: () => Date.now(),
  });
  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isSiteEnabled: (origin) => origin === DEMO_CRM_ORIGIN,
    handlers,
    onError: (type, error) => console.error(`[churn-radar] ${type} failed`, error),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo, sendResponse: (reply: unknown) => void) => {
    const reply = route(message, sender);
    reply.then((value) => value !== undefined && sendResponse(value));
    // Keep the channel open only for our own messages (route answers undefined for others).
    return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'churn-radar';
  });

  const panel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  panel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}
