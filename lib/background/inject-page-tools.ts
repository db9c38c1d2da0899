import { browser } from 'wxt/browser';
import { siteOriginOf } from '../sites/origins';

import { PAGE_TOOLS_FILE, PAGE_TOOLS_GLOBAL, type PageTool, type PageToolsApi } from '../teach/page-tools-api';

export type { PageTool };

/** Injects the tools into the tab's top frame (only on an enabled site) and starts one. */
export function browserPageTools(isEnabled: (origin: string) => boolean | Promise<boolean>) {
  return async (tabId: number, tool: PageTool): Promise<boolean> => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const site = siteOriginOf(tab?.url);
    if (!site || !(await isEnabled(site))) return false;
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_TOOLS_FILE] });
      const [answer] = await browser.scripting.executeScript({
        target: { tabId },
        // Serialised into the page's isolated world: it may use nothing from this scope.
        func: (name: string, wanted: string) => (globalThis as unknown as Record<string, PageToolsApi | undefined>)[name]?.run(wanted as PageTool) === true,
        args: [PAGE_TOOLS_GLOBAL, tool],
      });
      return answer?.result === true;
    } catch {
      return false;
    }
  };
}
