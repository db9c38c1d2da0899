import type { SiteKey } from '../domain';
import { actionBasis, type ActionBasis, type WorklistChoice } from '../focus/action-guard';
import { nextPageFocus, type PageEvent, type PageFocus } from '../focus/page-focus';
import type { TabPages } from '../focus/tab-pages-item';
import type { BackgroundEvent } from '../messaging/protocol';
import { HandlerError } from './router';

export interface TabPagesDeps {
  load: () => Promise<TabPages>;
  save: (value: TabPages) => Promise<void>;
  emit: (event: BackgroundEvent) => void;
  now: () => number;
}

/**
 * What each tab's page shows (lib/focus/page-focus.ts), fed by the content
 * script's reports, the agent's picks and the browser's navigation; and the
 * guard that lets an agent's action through only for the customer whose page
 * is open in the panel's tab, or whom the agent chose in the worklist.
 * Every change says `page-focus-changed` so the side panel re-reads its tab.
 */
export function createTabPages(deps: TabPagesDeps) {
  let state: Promise<TabPages> | null = null;
  const current = () => (state ??= deps.load().catch((): TabPages => ({ tabs: {}, choice: null })));

  async function write(next: TabPages) {
    state = Promise.resolve(next);
    await deps.save(next);
  }

  return {
    async get(tabId: number): Promise<PageFocus | null> {
      return (await current()).tabs[String(tabId)] ?? null;
    },

    /** Applies one event to a tab; returns the tab's focus after it. */
    async apply(tabId: number, event: PageEvent): Promise<PageFocus | null> {
      const all = await current();
      const before = all.tabs[String(tabId)];
      const after = nextPageFocus(before, event, deps.now());
      if (after === before) return after ?? null;
      const tabs = { ...all.tabs };
      if (after) tabs[String(tabId)] = after;
      else delete tabs[String(tabId)];
      await write({ ...all, tabs });
      deps.emit({ channel: 'churn-radar-event', type: 'page-focus-changed', tabId });
      return after ?? null;
    },

    async closed(tabId: number): Promise<void> {
      const all = await current();
      if (!(String(tabId) in all.tabs)) return;
      const tabs = { ...all.tabs };
      delete tabs[String(tabId)];
      await write({ ...all, tabs });
    },

    /** The agent chose a customer in the worklist while the panel followed `tabId`. */
    async choose(site: SiteKey, crmId: string, tabId: number | null): Promise<void> {
      const all = await current();
      const page = tabId === null ? undefined : all.tabs[String(tabId)];
      const choice: WorklistChoice = { site, crmId, tabId, pageAt: page?.at ?? null };
      await write({ ...all, choice });
    },

    /** Throws a clear `wrong-customer` error unless an action on this customer is allowed from the panel following `tabId`. */
    async guard(target: { site: SiteKey; crmId: string }, tabId: number | null): Promise<ActionBasis> {
      const all = await current();
      const basis = actionBasis(target, tabId, tabId === null ? undefined : all.tabs[String(tabId)], all.choice);
      if (!basis) {
        throw new HandlerError(
          'wrong-customer',
          `Not saved: customer ${target.crmId} is not the one whose page is open in this tab, nor one chosen in the worklist. Open their page, or choose them in the worklist, then try again.`,
        );
      }
      return basis;
    },
  };
}

export type TabPagesService = ReturnType<typeof createTabPages>;
