/**
 * Opt-in sites and adapter health: which CRMs the extension reads, turning a
 * site on and off, and whether reading still works. The services that own
 * the state (lib/background/sites-service.ts, health-service.ts) are passed in.
 */
import { z } from 'zod';
import type { SiteKey } from '@/lib/domain';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import type { SiteEntry, SiteState } from './enabled-sites';
import type { HealthSummary, HealthWarning } from './health';
import { isSiteOrigin } from './origins';

const empty = z.strictObject({});
// Normalised only (lower-case host, default port dropped): the key customers are filed under must be one spelling.
const origin = z.string().max(512).refine(isSiteOrigin, 'a normalised origin such as https://crm.example.com');
const tabId = z.number().int().nonnegative();
const healthSummary = z.custom<HealthSummary>();

const sitesViewSchema = z.object({
  sites: z.array(z.custom<SiteEntry>()),
  /** Shown beside policy sites, e.g. "Set by IT — ask helpdesk@example.com". */
  lockReason: z.string().nullable(),
  /** Policy values that were dropped as invalid. */
  policyProblems: z.array(z.string()),
});
export type SitesView = z.output<typeof sitesViewSchema>;

const siteStatusViewSchema = z.object({
  origin: z.string().nullable(),
  state: z.custom<SiteState>(),
  canDisable: z.boolean(),
  health: healthSummary.nullable(),
  lockReason: z.string().nullable(),
});
export type SiteStatusView = z.output<typeof siteStatusViewSchema>;

const pageHealthViewSchema = z.object({
  origin: z.string().nullable(),
  /** False when the tab's last page could not be read (the kind of page used to yield customers). */
  readable: z.boolean(),
  pageKey: z.string().nullable(),
  warnings: z.array(z.custom<HealthWarning>()),
});
export type PageHealthView = z.output<typeof pageHealthViewSchema>;

const healthReportSchema = z.strictObject({
  url: z.string().max(4096),
  kind: z.enum(['list', 'detail']).nullable(),
  customers: z.number().int().nonnegative().max(100_000),
  fields: z.array(z.string().max(256)).max(300),
  recipe: z
    .strictObject({
      id: z.string().min(1).max(600),
      expected: z.number().int().nonnegative().max(100_000),
      found: z.number().int().nonnegative().max(100_000),
    })
    .optional(),
  dateOrder: z.strictObject({ order: z.enum(['mdy', 'dmy']), source: z.enum(['setting', 'page', 'site', 'language']) }).optional(),
});
/** What a content script says a page yielded, including nothing. */
export type HealthReport = z.output<typeof healthReportSchema>;

/** The sites and health services (lib/background); absent in tests that do not need them. */
export interface SitesDeps {
  sites?: {
    sites: {
      view: () => Promise<SitesView>;
      status: (origin: string | null) => Promise<Omit<SiteStatusView, 'health'>>;
      enable: (origin: string) => Promise<SitesView>;
      disable: (origin: string) => Promise<SitesView>;
    };
    health: {
      summary: (site: SiteKey) => Promise<HealthSummary>;
      sites: () => Promise<{ origin: SiteKey; summary: HealthSummary }[]>;
      page: (tabId: number) => Promise<PageHealthView>;
      record: (site: SiteKey, tabId: number | null, report: HealthReport) => Promise<void>;
    };
  };
}

function need(deps: SitesDeps) {
  if (!deps.sites) throw new HandlerError('internal', 'Site management is not available in this context');
  return deps.sites;
}

const command = commandsFor<SitesDeps>();

export const sitesCommands = {
  /** Extension page → background: every enabled site (built-in, user, policy) and whether access is granted. */
  listSites: command({ request: empty, response: sitesViewSchema, audience: 'extension', handle: (_request, deps) => need(deps).sites.view() }),

  /** Extension page → background: the popup's view of one site (the current tab's). */
  getSiteStatus: command({
    request: z.strictObject({ origin: origin.nullable() }),
    response: siteStatusViewSchema,
    audience: 'extension',
    async handle({ origin }, deps) {
      const { sites, health } = need(deps);
      const status = await sites.status(origin);
      const listed = status.state !== 'not-enabled' && status.state !== 'not-web';
      return { ...status, health: origin && listed ? await health.summary(origin) : null };
    },
  }),

  /**
   * Extension page → background, after the page got the host permission from
   * the user's click: store the site, register the content script, start it in open tabs.
   */
  enableSite: command({
    request: z.strictObject({ origin }),
    response: sitesViewSchema,
    audience: 'extension',
    handle: ({ origin }, deps) => need(deps).sites.enable(origin),
  }),

  /** Extension page → background: stop reading a site the user enabled; its history stays. */
  disableSite: command({
    request: z.strictObject({ origin }),
    response: sitesViewSchema,
    audience: 'extension',
    handle: ({ origin }, deps) => need(deps).sites.disable(origin),
  }),

  /** Extension page → background: health of every site seen. */
  getSitesHealth: command({
    request: empty,
    response: z.object({ sites: z.array(z.object({ origin: z.string(), summary: healthSummary })) }),
    audience: 'extension',
    handle: async (_request, deps) => ({ sites: await need(deps).health.sites() }),
  }),

  /** Extension page → background: whether a tab's current page was read (side panel banner). */
  getPageHealth: command({
    request: z.strictObject({ tabId }),
    response: pageHealthViewSchema,
    audience: 'extension',
    handle: ({ tabId }, deps) => need(deps).health.page(tabId),
  }),

  /** Content script → background: what a page yielded, including nothing. */
  reportPageHealth: command({
    request: healthReportSchema,
    response: z.null(),
    audience: 'content',
    async handle(report, deps, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      await need(deps).health.record(context.site, context.tabId, report);
      return null;
    },
  }),
};
