/**
 * What each tab's page shows (lib/focus/page-focus.ts): the content script
 * reports its page, the side panel asks what its tab shows, and the worklist
 * tells the background which customer the agent chose.
 */
import { z } from 'zod';
import type { SiteKey } from '@/lib/domain';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { tabIdSchema } from './followed-tab-schema';
import { pageFocusSchema, type PageEvent, type PageFocus } from './page-focus';

export interface FocusDeps {
  /** Each tab's page (lib/background/tab-pages.ts keeps them). */
  tabPages: {
    apply: (tabId: number, event: PageEvent) => Promise<unknown>;
    get: (tabId: number) => Promise<PageFocus | null>;
    choose: (site: SiteKey, crmId: string, tabId: number | null) => Promise<void>;
  };
}

const command = commandsFor<FocusDeps>();

export const focusCommands = {
  /** Content script (top frame) → background: what the page shows — sent when that changes. */
  reportPage: command({
    request: z.strictObject({
      url: z.string().max(4096),
      kind: z.enum(['list', 'detail']).nullable(),
      customers: z.number().int().nonnegative().max(100_000),
      detailId: z.string().min(1).max(256).nullable(),
      settled: z.boolean(),
    }),
    response: z.null(),
    audience: 'content',
    async handle(report, deps, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      if (context.tabId === null) return null;
      const site = context.site;
      await deps.tabPages.apply(
        context.tabId,
        report.customers === 0 && report.settled
          ? { type: 'settled-empty', site, url: report.url }
          : { type: 'read', site, url: report.url, kind: report.kind, customers: report.customers, detailId: report.detailId },
      );
      return null;
    },
  }),

  /** Side panel → background: what the page in this tab shows (null: no CRM page read there). */
  getPageFocus: command({
    request: z.strictObject({ tabId: tabIdSchema }),
    response: z.object({ focus: pageFocusSchema.nullable() }),
    audience: 'extension',
    handle: async ({ tabId }, deps) => ({ focus: await deps.tabPages.get(tabId) }),
  }),

  /** Side panel → background: the agent chose this customer in the worklist (actions on them are allowed while the tab's page stays). */
  chooseCustomer: command({
    request: z.strictObject({ site: z.string().min(1).max(512), crmId: z.string().min(1).max(256), tabId: tabIdSchema.nullable() }),
    response: z.null(),
    audience: 'extension',
    async handle({ site, crmId, tabId }, deps) {
      await deps.tabPages.choose(site, crmId, tabId);
      return null;
    },
  }),
};
