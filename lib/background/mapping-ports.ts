/**
 * The browser side of field mapping: finding a site's open tabs, and applying
 * a changed mapping to open pages. The messages are lib/mapping/mapping-commands.ts.
 */
import { browser } from 'wxt/browser';
import { MAPPING_CHANGED } from '../content/picker/picker-message';
import type { SiteKey } from '../domain';
import { changedSites } from '../mapping/cached-site-resolvers';
import type { MappingPorts } from '@/lib/mapping/mapping-commands';
import type { FieldMappings } from '../mapping/mapping-ops';
import type { BackgroundEvent } from '../messaging/protocol';
import { matchPatternFor, siteOriginOf } from '../sites/origins';

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
