import type { SiteKey } from '../domain';
import type { BackgroundEvent } from '../messaging/protocol';
import type { FocusedCustomer } from '../settings';

export interface TabTarget {
  site: SiteKey;
  crmId: string;
}

/**
 * Which customer each tab last showed, so the side panel follows the active
 * tab: switching to a tab brings its customer back into the panel. Kept in
 * session storage (via `store`) so a worker restart does not forget it.
 */
export function createTabFocus(deps: {
  load: () => Promise<Record<string, TabTarget>>;
  save: (value: Record<string, TabTarget>) => Promise<void>;
  focus: { set: (value: FocusedCustomer) => Promise<void> };
  emit: (event: BackgroundEvent) => void;
  now: () => number;
}) {
  let tabs: Promise<Record<string, TabTarget>> | null = null;
  const current = () => (tabs ??= deps.load().catch((): Record<string, TabTarget> => ({})));
  return {
    async remember(tabId: number, target: TabTarget): Promise<void> {
      const all = { ...(await current()), [String(tabId)]: target };
      tabs = Promise.resolve(all);
      await deps.save(all);
    },
    async activated(tabId: number): Promise<void> {
      const target = (await current())[String(tabId)];
      if (!target) return;
      await deps.focus.set({ ...target, tabId, at: deps.now() });
      deps.emit({ channel: 'churn-radar-event', type: 'focus-changed', site: target.site, crmId: target.crmId });
    },
    async closed(tabId: number): Promise<void> {
      const all = { ...(await current()) };
      if (!(String(tabId) in all)) return;
      delete all[String(tabId)];
      tabs = Promise.resolve(all);
      await deps.save(all);
    },
  };
}

export type TabFocus = ReturnType<typeof createTabFocus>;
