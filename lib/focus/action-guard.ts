import { z } from 'zod';
import type { SiteKey } from '../domain';
import type { PageFocus } from './page-focus';

/**
 * A customer the agent explicitly chose in the worklist while the panel
 * followed `tabId`, whose page was then at focus `pageAt`. The choice holds
 * only while that tab still shows that same page: navigating, picking
 * another customer or following another tab ends it (the panel then shows
 * the page again).
 */
export const worklistChoiceSchema = z.strictObject({
  site: z.string(),
  crmId: z.string(),
  tabId: z.number().int().nullable(),
  pageAt: z.number().nullable(),
});
export type WorklistChoice = z.infer<typeof worklistChoiceSchema>;

/** Why an action on a customer is allowed: their page is open in the tab, or the agent chose them in the worklist. */
export type ActionBasis = 'page' | 'worklist';

/**
 * Whether an agent's action (log, outcome, flag, pin) may be recorded for
 * `target`, sent by a panel following `tabId` whose page is `page`. Null:
 * refused — the panel showed a customer other than the one the agent is
 * looking at (issue 14: a call logged against the wrong person).
 */
export function actionBasis(
  target: { site: SiteKey; crmId: string },
  tabId: number | null,
  page: PageFocus | undefined,
  choice: WorklistChoice | null,
): ActionBasis | null {
  if (page?.state === 'customer' && page.site === target.site && page.crmId === target.crmId) return 'page';
  if (choice && choice.site === target.site && choice.crmId === target.crmId && choice.tabId === tabId && choice.pageAt === (page?.at ?? null))
    return 'worklist';
  return null;
}
