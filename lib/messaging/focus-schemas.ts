import { z } from 'zod';
import type { FocusProtocol } from './focus-protocol';

const tabId = z.number().int().nonnegative();

/** Runtime shapes of the page-focus messages (see focus-protocol.ts); merged into requestSchemas. */
export const focusRequestSchemas = {
  reportPage: z.strictObject({
    url: z.string().max(4096),
    kind: z.enum(['list', 'detail']).nullable(),
    customers: z.number().int().nonnegative().max(100_000),
    detailId: z.string().min(1).max(256).nullable(),
    settled: z.boolean(),
  }),
  getPageFocus: z.strictObject({ tabId }),
  chooseCustomer: z.strictObject({ site: z.string().min(1).max(512), crmId: z.string().min(1).max(256), tabId: tabId.nullable() }),
} satisfies Record<keyof FocusProtocol, z.ZodType>;

export const focusAudience: Record<keyof FocusProtocol, 'content' | 'extension'> = {
  reportPage: 'content',
  getPageFocus: 'extension',
  chooseCustomer: 'extension',
};

/** The tab the side panel follows, sent with each agent action so the background can check the customer is that tab's. */
export const followedTab = { tabId: tabId.nullable() };
