import { z } from 'zod';

export const tabIdSchema = z.number().int().nonnegative();

/** The tab the side panel follows (lib/focus/followed-tab.ts), sent with each agent action so the background can check the customer is that tab's. */
export const followedTab = { tabId: tabIdSchema.nullable() };
