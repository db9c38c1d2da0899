import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { worklistChoiceSchema } from './action-guard';
import { pageFocusSchema } from './page-focus';

/** What each tab's page shows (by tab id) and the agent's worklist choice; session-scoped, so a worker restart keeps them. */
const tabPagesSchema = z.strictObject({
  tabs: z.record(z.string(), pageFocusSchema),
  choice: worklistChoiceSchema.nullable(),
});
export type TabPages = z.infer<typeof tabPagesSchema>;

export const EMPTY_TAB_PAGES: TabPages = { tabs: {}, choice: null };

export const tabPagesItem = storage.defineItem<TabPages>('session:tabPages', { fallback: EMPTY_TAB_PAGES, version: 1 });

/** A stored value read back: anything malformed (another release's shape) is dropped, never misread. */
export function parseTabPages(value: unknown): TabPages {
  const parsed = tabPagesSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_TAB_PAGES;
}
