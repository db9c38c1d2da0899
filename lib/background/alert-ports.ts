import { browser } from 'wxt/browser';
import { alertSettingsItem, alertStateItem } from '../alerts/alerts-items';
import type { AlertBrowserPorts } from './alert-service';
import { cachedItem } from './cached-item';

/** The timer that checks contact due times; it outlives an idle worker. */
const ALERT_DUE_ALARM = 'churn-radar-alert-due';
/** Due times are hours apart (24 h for tier 5): a quarter of an hour late is on time, and the worklist read stays rare. */
const ALERT_DUE_MINUTES = 15;

/** The `notifications` API, present only while the optional permission is granted. */
const notifications = () => (browser as { notifications?: typeof browser.notifications }).notifications;

/**
 * Alerts in the browser. `notifications` is an optional permission, asked
 * for when the agent turns alerts on (Options): an agent who never wants
 * desktop alerts never grants it, the install prompt does not grow, and the
 * digest in the popup works without it. Chrome only defines
 * chrome.notifications once the permission is granted, so the click
 * listener is added at start when it is, else when it is granted.
 */
export function browserAlertPorts(): AlertBrowserPorts {
  const state = cachedItem(alertStateItem);
  const settings = cachedItem(alertSettingsItem);
  return {
    state,
    settings,
    permitted: () => browser.permissions.contains({ permissions: ['notifications'] }),
    async show(id, { title, message }) {
      const api = notifications();
      if (!api) throw new Error('The notifications permission is not granted.');
      await api.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message, priority: 1 });
    },
    clear: async (id) => void (await notifications()?.clear(id)),
    openTab: async (url) => void (await browser.tabs.create({ url })),
    customerViewUrl: (site, crmId) => browser.runtime.getURL(`/sidepanel.html?${new URLSearchParams({ site, crmId })}` as '/sidepanel.html'),
    listen(on) {
      // Created once, not at every worker start (that would push the next check back each time).
      void browser.alarms.get(ALERT_DUE_ALARM).then(async (alarm) => {
        if (!alarm) await browser.alarms.create(ALERT_DUE_ALARM, { periodInMinutes: ALERT_DUE_MINUTES, delayInMinutes: 1 });
      });
      browser.alarms.onAlarm.addListener((alarm) => alarm.name === ALERT_DUE_ALARM && on.dueCheck());
      let listening = false;
      const listenForClicks = () => {
        const api = notifications();
        if (listening || !api) return;
        api.onClicked.addListener(on.clicked);
        listening = true;
      };
      listenForClicks();
      browser.permissions.onAdded.addListener(listenForClicks);
    },
  };
}
