import { z } from 'zod';
import { isSiteOrigin } from '../sites/origins';
import type { SitesProtocol } from './sites-protocol';

const empty = z.strictObject({});
// Normalised only (lower-case host, default port dropped): the key customers are filed under must be one spelling.
const origin = z.string().max(512).refine(isSiteOrigin, 'a normalised origin such as https://crm.example.com');

/** Runtime shapes of the sites messages (see sites-protocol.ts); merged into requestSchemas. */
export const sitesRequestSchemas = {
  listSites: empty,
  getSiteStatus: z.strictObject({ origin: origin.nullable() }),
  enableSite: z.strictObject({ origin }),
  disableSite: z.strictObject({ origin }),
  getSitesHealth: empty,
  getPageHealth: z.strictObject({ tabId: z.number().int().nonnegative() }),
  reportPageHealth: z.strictObject({
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
  }),
} satisfies Record<keyof SitesProtocol, z.ZodType>;

export const sitesAudience: Record<keyof SitesProtocol, 'content' | 'extension'> = {
  listSites: 'extension',
  getSiteStatus: 'extension',
  enableSite: 'extension',
  disableSite: 'extension',
  getSitesHealth: 'extension',
  getPageHealth: 'extension',
  reportPageHealth: 'content',
};
