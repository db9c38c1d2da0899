/**
 * Field mapping (options mapping section and the element picker): the labels
 * a site's recent customers showed, the tabs the picker can run in, and the
 * picker's save. The mapping itself lives in chrome.storage
 * (lib/mapping/mapping-item.ts); the background watches it
 * (lib/background/mapping-ports.ts).
 */
import { z } from 'zod';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { SiteKey } from '@/lib/domain';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '@/lib/fields/product-fields';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { fieldMappingsItem } from './mapping-item';
import { setLabelTarget, type FieldMappings } from './mapping-ops';
import { collectSiteLabels, type SiteLabel } from './site-labels';

/** Customers read for a site's labels: the most recently seen. */
const RECENT_CUSTOMERS = 500;

const siteTabViewSchema = z.object({ tabId: z.number(), title: z.string(), url: z.string() });
export type SiteTabView = z.output<typeof siteTabViewSchema>;

/** What the mapping commands need from the browser (lib/background/mapping-ports.ts); absent in tests that do not use them. */
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

const site = z.string().min(1).max(512);
const FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];
const command = commandsFor<MappingDeps>();

export const mappingCommands = {
  /** Extension page → background: sites with stored customers, most recently seen first. */
  getMappingSites: command({
    request: z.strictObject({}),
    response: z.object({ sites: z.array(z.object({ site: z.string(), customers: z.number(), lastSeen: z.number() })) }),
    audience: 'extension',
    async handle(_request, { db }) {
      const sites = (await db.customers.orderBy('site').uniqueKeys()) as SiteKey[];
      const views = await Promise.all(
        sites.map(async (site) => {
          let customers = 0;
          let lastSeen = 0;
          await db.customers
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
  }),

  /** Extension page → background: the labels of a site's recent customers, with samples and suggestions. */
  getSiteLabels: command({
    request: z.strictObject({ site }),
    response: z.object({ site: z.string(), customers: z.number(), labels: z.array(z.custom<SiteLabel>()) }),
    audience: 'extension',
    async handle({ site }, { db }) {
      const rows = await db.customers.where('site').equals(site).reverse().sortBy('lastSeen');
      const recent = rows.slice(0, RECENT_CUSTOMERS);
      return { site, customers: recent.length, labels: collectSiteLabels(recent) };
    },
  }),

  /** Extension page → background: open tabs of a site, where the picker can run. */
  getSiteTabs: command({
    request: z.strictObject({ site }),
    response: z.object({ tabs: z.array(siteTabViewSchema) }),
    audience: 'extension',
    handle: async ({ site }, { mapping = NO_PORTS }) => ({ tabs: await mapping.siteTabs(site) }),
  }),

  /** Extension page → background: show the element picker on a tab. */
  startFieldPicker: command({
    request: z.strictObject({ tabId: z.number().int().nonnegative() }),
    response: z.object({ started: z.boolean() }),
    audience: 'extension',
    handle: async ({ tabId }, { mapping = NO_PORTS }) => ({ started: await mapping.startPicker(tabId) }),
  }),

  /** Content script (picker) → background: the clicked value's label means `target` on this site. */
  saveFieldLabel: command({
    request: z.strictObject({ label: z.string().trim().min(1).max(200), target: z.enum([...FIELDS, 'ignore']) }),
    response: z.null(),
    audience: 'content',
    async handle({ label, target }, { mapping = NO_PORTS, now }, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      await mapping.mappings.set(setLabelTarget(await mapping.mappings.get(), context.site, label, target, now()));
      return null;
    },
  }),
};
