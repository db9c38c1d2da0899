/**
 * Field mapping messages: the options mapping section reads the labels a
 * site's pages showed and starts the element picker on an open tab; the
 * picker (content script) saves the label the manager clicked. Declared here
 * and merged into the one Protocol (lib/messaging/protocol.ts); types only.
 */
import type { SiteKey } from '../domain';
import type { MappingTarget } from '../fields/field-resolver';
import type { SiteLabel } from '../mapping/site-labels';

interface MappingSiteView {
  site: SiteKey;
  customers: number;
  lastSeen: number;
}

export interface SiteTabView {
  tabId: number;
  title: string;
  url: string;
}

export interface MappingProtocol {
  /** Extension page → background: sites with stored customers, most recently seen first. */
  getMappingSites: { request: Record<string, never>; response: { sites: MappingSiteView[] } };
  /** Extension page → background: the labels of a site's recent customers, with samples and suggestions. */
  getSiteLabels: { request: { site: SiteKey }; response: { site: SiteKey; customers: number; labels: SiteLabel[] } };
  /** Extension page → background: open tabs of a site, where the picker can run. */
  getSiteTabs: { request: { site: SiteKey }; response: { tabs: SiteTabView[] } };
  /** Extension page → background: show the element picker on a tab. */
  startFieldPicker: { request: { tabId: number }; response: { started: boolean } };
  /** Content script (picker) → background: the clicked value's label means `target` on this site. */
  saveFieldLabel: { request: { label: string; target: MappingTarget }; response: null };
}
