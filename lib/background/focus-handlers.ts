import type { FocusProtocol } from '../messaging/focus-protocol';
import { HandlerError, type Handlers } from './router';
import type { TabPagesService } from './tab-pages';

/** What each tab's page shows (lib/messaging/focus-protocol.ts). */
export function createFocusHandlers(deps: { tabPages: TabPagesService }): Pick<Handlers, keyof FocusProtocol> {
  return {
    async reportPage(report, context) {
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
    getPageFocus: async ({ tabId }) => ({ focus: await deps.tabPages.get(tabId) }),
    async chooseCustomer({ site, crmId, tabId }) {
      await deps.tabPages.choose(site, crmId, tabId);
      return null;
    },
  };
}
