import { browser } from 'wxt/browser';
import { STOP_MESSAGE } from '../sites/control-message';
import { actionIconPaths, type ActionIconState } from '../sites/action-icon';
import type { PolicyRead } from '../sites/policy-sites';
import type { RegisteredScript, SitesApi } from './sites-service';

/** The real browser behind SitesApi (thin: the logic is in sites-service.ts); the policy comes from the policy service. */
export function browserSitesApi(readPolicy: () => Promise<PolicyRead>): SitesApi {
  return {
    hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    removeOrigin: async (pattern) => {
      await browser.permissions.remove({ origins: [pattern] });
    },
    registeredIds: async () => (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
    // The file names come from the build (content-scripts/crm.js), not from WXT's typed public paths.
    register: (scripts: RegisteredScript[]) =>
      browser.scripting.registerContentScripts(scripts as Parameters<typeof browser.scripting.registerContentScripts>[0]),
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    tabsMatching: async (pattern) => (await browser.tabs.query({ url: pattern })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    inject: async (tabId, file) => {
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [file as never] });
    },
    stop: async (tabId) => {
      await browser.tabs.sendMessage(tabId, STOP_MESSAGE);
    },
    readPolicy,
  };
}

const toolbarAction = () => browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;

/** The toolbar icon of one tab (on / problem); the amber "!" on tabs of a site whose reading broke, cleared when it works again. */
export async function setHealthBadge(tabId: number, icon: ActionIconState, title: string): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const warning = icon === 'problem';
  await action.setIcon({ tabId, path: actionIconPaths(icon) });
  await action.setBadgeText({ tabId, text: warning ? '!' : '' });
  if (warning) await action.setBadgeBackgroundColor({ tabId, color: '#F59E0B' });
  await action.setTitle({ tabId, title });
}

/**
 * A tab that starts loading a new document shows the default (grey) icon again until its
 * content script reports: a tab that left an enabled CRM must not keep the "on" mark.
 */
export function resetToolbarIconOnNavigation(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    const action = toolbarAction();
    void action?.setIcon({ tabId, path: actionIconPaths('off') }).catch(() => undefined);
    void action?.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  });
}
