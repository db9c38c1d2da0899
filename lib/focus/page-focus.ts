import { z } from 'zod';
import type { PageKind, SiteKey } from '../domain';

/**
 * What the page open in one tab shows, as far as the side panel and the
 * agent's actions are concerned. The panel shows exactly this, never a
 * customer from another page:
 *
 * - reading: a new page of a CRM site, not read yet.
 * - customer: one customer — the page is theirs (a detail page), or the agent
 *   clicked or hovered their badge on this very page (a list).
 * - list: a page of several customers and none chosen on it yet.
 * - unreadable: the page settled and no customer could be read from it.
 *
 * A tab with no entry shows no CRM page (another site, or not read at all).
 */
export const pageFocusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('reading'), site: z.string(), url: z.string(), at: z.number() }),
  z.strictObject({ state: z.literal('customer'), site: z.string(), url: z.string(), at: z.number(), crmId: z.string(), how: z.enum(['detail', 'picked']) }),
  z.strictObject({ state: z.literal('list'), site: z.string(), url: z.string(), at: z.number() }),
  z.strictObject({ state: z.literal('unreadable'), site: z.string(), url: z.string(), at: z.number() }),
]);
export type PageFocus = z.infer<typeof pageFocusSchema>;

/** What happened in a tab (content-script reports, the agent's picks, the browser's navigation). */
export type PageEvent =
  /** The content script read the page: how many customers, and the one a detail page is about. */
  | { type: 'read'; site: SiteKey; url: string; kind: PageKind | null; customers: number; detailId: string | null }
  /** The page settled (adapter health's report) with no customer on it. */
  | { type: 'settled-empty'; site: SiteKey; url: string }
  /** The agent clicked or hovered a customer's badge on the page. */
  | { type: 'picked'; site: SiteKey; crmId: string }
  /** The browser says the tab's URL changed; `site` is null when the new page is not an enabled CRM's (or not visible to us). */
  | { type: 'navigated'; site: SiteKey | null; url: string | null };

/** URLs compared without the fragment's "#" noise: a list and its "#top" are one page, hash routes are not. */
function samePage(a: string, b: string): boolean {
  return a === b || a.replace(/#$/, '') === b.replace(/#$/, '');
}

const on = (current: PageFocus | undefined, site: SiteKey, url: string) => current !== undefined && current.site === site && samePage(current.url, url);

/**
 * The tab's next focus. Returns `current` itself when nothing changed, so
 * callers can tell a change by identity. Rules:
 * - a page that yields nothing for now is "reading" if new, unchanged if the
 *   same page (a CRM re-rendering its rows passes through empty); only the
 *   settled report makes it "unreadable";
 * - a detail page's one customer is the focus; a list keeps the customer
 *   picked on that same page, else asks to pick one;
 * - a pick applies to the page open now; a new URL forgets it.
 */
export function nextPageFocus(current: PageFocus | undefined, event: PageEvent, at: number): PageFocus | undefined {
  switch (event.type) {
    case 'read': {
      const same = on(current, event.site, event.url);
      if (event.customers === 0) return same ? current : { state: 'reading', site: event.site, url: event.url, at };
      if (event.kind === 'detail' && event.detailId !== null) {
        if (same && current!.state === 'customer' && current!.how === 'detail' && current!.crmId === event.detailId) return current;
        return { state: 'customer', site: event.site, url: event.url, at, crmId: event.detailId, how: 'detail' };
      }
      if (same && (current!.state === 'list' || (current!.state === 'customer' && current!.how === 'picked'))) return current;
      return { state: 'list', site: event.site, url: event.url, at };
    }
    case 'settled-empty':
      if (current && !on(current, event.site, event.url)) return current; // a report from the page before
      if (current?.state === 'unreadable') return current;
      return { state: 'unreadable', site: event.site, url: event.url, at };
    case 'picked':
      if (current === undefined || current.site !== event.site) return current;
      if (current.state === 'customer' && current.crmId === event.crmId) return current;
      return { state: 'customer', site: current.site, url: current.url, at, crmId: event.crmId, how: 'picked' };
    case 'navigated':
      if (event.site === null || event.url === null) return undefined;
      if (on(current, event.site, event.url)) return current;
      return { state: 'reading', site: event.site, url: event.url, at };
  }
}

/** The customer a focus names, or null. */
export function focusedCustomerOf(focus: PageFocus | undefined | null): { site: SiteKey; crmId: string } | null {
  return focus?.state === 'customer' ? { site: focus.site, crmId: focus.crmId } : null;
}
