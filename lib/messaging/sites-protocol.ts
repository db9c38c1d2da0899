/**
 * Opt-in sites and adapter health: which CRMs the extension reads, turning a
 * site on and off, and whether reading still works. Merged into the one
 * Protocol (lib/messaging/protocol.ts); types only.
 */
import type { PageKind } from '../domain';
import type { SiteEntry, SiteState } from '../sites/enabled-sites';
import type { HealthSummary, HealthWarning, PageDateOrder, RecipeCheck } from '../sites/health';

export interface SitesView {
  sites: SiteEntry[];
  /** Shown beside policy sites, e.g. "Set by IT — ask helpdesk@example.com". */
  lockReason: string | null;
  /** Policy values that were dropped as invalid. */
  policyProblems: string[];
}

export interface SiteStatusView {
  origin: string | null;
  state: SiteState;
  canDisable: boolean;
  health: HealthSummary | null;
  lockReason: string | null;
}

export interface PageHealthView {
  origin: string | null;
  /** False when the tab's last page could not be read (the kind of page used to yield customers). */
  readable: boolean;
  pageKey: string | null;
  warnings: HealthWarning[];
}

export interface SitesProtocol {
  /** Extension page → background: every enabled site (built-in, user, policy) and whether access is granted. */
  listSites: { request: Record<string, never>; response: SitesView };
  /** Extension page → background: the popup's view of one site (the current tab's). */
  getSiteStatus: { request: { origin: string | null }; response: SiteStatusView };
  /**
   * Extension page → background, after the page got the host permission from
   * the user's click: store the site, register the content script, start it in open tabs.
   */
  enableSite: { request: { origin: string }; response: SitesView };
  /** Extension page → background: stop reading a site the user enabled; its history stays. */
  disableSite: { request: { origin: string }; response: SitesView };
  /** Extension page → background: health of every site seen. */
  getSitesHealth: { request: Record<string, never>; response: { sites: { origin: string; summary: HealthSummary }[] } };
  /** Extension page → background: whether a tab's current page was read (side panel banner). */
  getPageHealth: { request: { tabId: number }; response: PageHealthView };
  /** Content script → background: what a page yielded, including nothing. */
  reportPageHealth: {
    request: { url: string; kind: PageKind | null; customers: number; fields: string[]; recipe?: RecipeCheck; dateOrder?: PageDateOrder };
    response: null;
  };
}
