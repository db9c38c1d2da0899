import { browser } from 'wxt/browser';

export interface CurrentTab {
  id: number;
  url: string | undefined;
}

/**
 * The tab the popup acts on: `?tab=<id>` when given (the popup page opened in
 * a tab, as the e2e tests do), else the active tab of this window.
 */
export async function currentTab(search: string): Promise<CurrentTab | null> {
  const param = new URLSearchParams(search).get('tab');
  const tab = param && /^\d+$/.test(param) ? await browser.tabs.get(Number(param)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}
