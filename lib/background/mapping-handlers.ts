/**
 * Field mapping (options mapping section and the element picker): the labels
 * a site's recent customers showed, the tabs the picker can run in, and the
 * picker's save. The mapping itself lives in chrome.storage
 * (lib/mapping/mapping-item.ts); the background watches it (index.ts).
 */
import { browser } from 'wxt/browser';
import { MAPPING_CHANGED } from '../content/picker/picker-message';
import type { ChurnRadarDb } from '../db/db';
import type { SiteKey } from '../domain';
import type { MappingTarget } from '../fields/field-resolver';
import { fieldMappingsItem } from '../mapping/mapping-item';
import { setLabelTarget, type FieldMappings } from '../mapping/mapping-ops';
import { collectSiteLabels } from '../mapping/site-labels';
import { changedSites } from '../mapping/cached-site-resolvers';
import type { MappingProtocol, SiteTabView } from '../messaging/mapping-protocol';
import type { BackgroundEvent } from '../messaging/protocol';
import { matchPatternFor, siteOriginOf } from '../sites/origins';
import { HandlerError, type Handlers } from './router';

/** Customers read for a site's labels: the most recently seen. */
const RECENT_CUSTOMERS = 500;

/** What the mapping handlers need from the browser (index.ts); absent in tests that do not use them. */
export interface MappingPorts {
  mappings: { get: () => Promise<FieldMappings>; set: (value: FieldMappings) => Promise<void> };
  /** Open tabs whose page is on `site`. */
  siteTabs: (site: SiteKey) => Promise<SiteTabView[]>;
  /** Inject and show the picker on a tab (lib/background/inject-page-tools.ts); false when the tab is not on an enabled site. */
  startPicker: (tabId: number) => Promise<boolean>;
}

export interface MappingDeps {
  db: ChurnRadarDb;
  now: () => number;
  mapping?: MappingPorts;
}

const NO_PORTS: MappingPorts = {
  mappings: { get: () => fieldMappingsItem.getValue(), set: (value) => fieldMappingsItem.setValue(value) },
  siteTabs: async () => [],
  startPicker: async () => false,
};

export function createMappingHandlers({ db, now, mapping = NO_PORTS }: MappingDeps): Pick<Handlers, keyof MappingProtocol> {
  const deps = { db, now, ...mapping };
  return {
    async getMappingSites() {
      const sites = (await deps.db.customers.orderBy('site').uniqueKeys()) as SiteKey[];
      const views = await Promise.all(
        sites.map(async (site) => {
          let customers = 0;
          let lastSeen = 0;
          await deps.db.customers
            .where('site')
            .equals(site)
            .each((row) => {
              customers++;
              lastSeen = Math.max(lastSeen, row.lastSeen);
            });
          return { site, customers, lastSeen };
        }),
      );
      return { sites: views.sort((a, b) => b.lastSeen - a.lastSeen) };
    },

    async getSiteLabels({ site }) {
      const rows = await deps.db.customers.where('site').equals(site).reverse().sortBy('lastSeen');
      const recent = rows.slice(0, RECENT_CUSTOMERS);
      return { site, customers: recent.length, labels: collectSiteLabels(recent) };
    },

    async getSiteTabs({ site }) {
      return { tabs: await deps.siteTabs(site) };
    },

    async startFieldPicker({ tabId }) {
      return { started: await deps.startPicker(tabId) };
    },

    async saveFieldLabel({ label, target }, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      const current = await deps.mappings.get();
      await deps.mappings.set(setLabelTarget(current, context.site, label, target as MappingTarget, deps.now()));
      return null;
    },
  };
}

/** The browser side of the ports; the mapping item is read through the background's cache. */
export function browserMappingPorts(mappings: MappingPorts['mappings'], startPicker: MappingPorts['startPicker']): MappingPorts {
  return {
    mappings,
    startPicker,
    async siteTabs(site) {
      // Firefox patterns take no port: query the host, keep the tabs whose origin is the site.
      const pattern = matchPatternFor(site, { portInPattern: import.meta.env.BROWSER !== 'firefox' });
      const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
      return tabs
        .filter((tab) => tab.id !== undefined && siteOriginOf(tab.url) === site)
        .map((tab) => ({ tabId: tab.id!, title: tab.title ?? '', url: tab.url ?? '' }));
    },
  };
}

/**
 * A changed mapping applies without a reload: the pages of the sites it
 * changed ask for their scores again, and the side panel re-reads its
 * customer when it is on one of them.
 */
export function watchMappings(options: {
  watch: (callback: (after: FieldMappings, before: FieldMappings | null) => void) => void;
  siteTabs: MappingPorts['siteTabs'];
  focused: () => Promise<{ site: SiteKey; crmId: string } | null>;
  emit: (event: BackgroundEvent) => void;
}): void {
  options.watch((after, before) => {
    for (const site of changedSites(before, after)) {
      void options.siteTabs(site).then((tabs) => {
        for (const { tabId } of tabs) void browser.tabs.sendMessage(tabId, MAPPING_CHANGED).catch(() => undefined);
      });
      void options.focused().then((focus) => {
        if (focus?.site === site) options.emit({ channel: 'churn-radar-event', type: 'customer-updated', site, crmId: focus.crmId });
      });
    }
  });
}
