/** The parts of a browser tab the side panel looks at. */
export interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The tab the side panel follows in its window: the active tab — unless that
 * is one of the extension's own pages (the panel opened as a tab, as tests and
 * some browsers do), then the most recently used other tab. Null: none.
 */
export function followedTabOf(tabs: readonly TabInfo[], extensionOrigin: string): number | null {
  const ours = (tab: TabInfo) => tab.url?.startsWith(extensionOrigin) === true;
  const active = tabs.find((tab) => tab.active && tab.id !== undefined);
  if (active && !ours(active)) return active.id!;
  const others = tabs.filter((tab) => tab.id !== undefined && !ours(tab));
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}
