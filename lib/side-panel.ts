import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { tabId: number }): Promise<void>; setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/** Chrome's sidePanel API, absent on Firefox. */
export function chromeSidePanel(): SidePanelApi | undefined {
  return (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Both browsers only allow
 * it while handling a user action: call it from the click (or the message the
 * click sent) without awaiting anything first.
 */
export function openSidePanel(tabId: number): Promise<void> {
  const chromePanel = chromeSidePanel();
  if (chromePanel) return chromePanel.open({ tabId });
  const firefoxSidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  return firefoxSidebar ? firefoxSidebar.open() : Promise.resolve();
}
