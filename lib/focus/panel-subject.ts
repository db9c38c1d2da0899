import type { SiteKey } from '../domain';
import type { PageFocus } from './page-focus';

/** What the side panel shows for the tab it follows. */
export type PanelSubject =
  | { kind: 'no-page' }
  | { kind: 'reading' }
  | { kind: 'pick' }
  | { kind: 'unreadable'; site: SiteKey }
  | { kind: 'customer'; site: SiteKey; crmId: string; basis: 'page' | 'worklist' };

/**
 * The panel shows the page's customer, or says why there is none — never a
 * customer from another page. A worklist choice is shown (and said to be one)
 * until the tab's page changes; the panel drops it then.
 */
export function panelSubject(page: PageFocus | null, chosen: { site: SiteKey; crmId: string } | null): PanelSubject {
  if (chosen) return { kind: 'customer', site: chosen.site, crmId: chosen.crmId, basis: 'worklist' };
  if (!page) return { kind: 'no-page' };
  switch (page.state) {
    case 'reading':
      return { kind: 'reading' };
    case 'list':
      return { kind: 'pick' };
    case 'unreadable':
      return { kind: 'unreadable', site: page.site };
    case 'customer':
      return { kind: 'customer', site: page.site, crmId: page.crmId, basis: 'page' };
  }
}
