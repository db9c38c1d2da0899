import type { SitesProtocol } from '../messaging/sites-protocol';
import type { HealthService } from './health-service';
import { HandlerError, type Handlers } from './router';
import type { SiteService } from './sites-service';

export interface SitesDeps {
  sites: SiteService;
  health: HealthService;
}

/** Opt-in sites and adapter health (lib/messaging/sites-protocol.ts). */
export function createSitesHandlers(deps: SitesDeps | undefined): Pick<Handlers, keyof SitesProtocol> {
  const need = () => {
    if (!deps) throw new HandlerError('internal', 'Site management is not available in this context');
    return deps;
  };
  return {
    listSites: () => need().sites.view(),
    async getSiteStatus({ origin }) {
      const { sites, health } = need();
      const status = await sites.status(origin);
      const listed = status.state !== 'not-enabled' && status.state !== 'not-web';
      return { ...status, health: origin && listed ? await health.summary(origin) : null };
    },
    enableSite: ({ origin }) => need().sites.enable(origin),
    disableSite: ({ origin }) => need().sites.disable(origin),
    getSitesHealth: async () => ({ sites: await need().health.sites() }),
    getPageHealth: ({ tabId }) => need().health.page(tabId),
    async reportPageHealth(report, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      await need().health.record(context.site, context.tabId, report);
      return null;
    },
  };
}
