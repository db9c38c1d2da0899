import type { CustomerSnapshot, PageKind } from '../domain';
import type { RecipeOutcome } from '../recipes/apply';
import type { DateOrderSource, DayMonthOrder } from '../parse/date-order';

/** A customer found on the page, with the element the badge goes beside. */
export interface ExtractedCustomer {
  snapshot: CustomerSnapshot;
  /** The badge is inserted right after this element (usually the name link). */
  anchor: Element;
}

export interface PageExtraction {
  kind: PageKind;
  customers: ExtractedCustomer[];
  /**
   * The page's own "today" (ISO yyyy-mm-dd) when the CRM shows data as of a
   * fixed date (the demo CRM's CDNOW space is as of 1997-09-30); absent means now.
   */
  today?: string;
  /** A taught site recipe was tried on this page: what it found (lib/recipes), checked by health. */
  recipe?: RecipeOutcome;
  /**
   * How this page writes numeric dates and why it is known (lib/adapters/dates.ts);
   * absent when nothing says: then "12/6/2026" stays unread rather than guessed.
   */
  dateOrder?: { order: DayMonthOrder; source: DateOrderSource };
}

/**
 * A CRM adapter reads one family of CRM pages. It must be pure DOM reading:
 * no network, no storage, no mutation of the page.
 */
export interface CrmAdapter {
  id: string;
  /** Cheap check on the URL (and, when needed, the document). */
  matches(url: URL, doc: Document): boolean;
  /** null when the page is neither a customer list nor a customer detail page. */
  extract(doc: Document, url: URL): PageExtraction | null;
  /**
   * The page as rows to read one by one (lib/adapters/page-plan.ts): finding
   * the rows is cheap, reading them is not, so the scanner reads the rows on
   * screen first and the rest in idle slices. Absent: the scanner reads the
   * page with `extract` at once (recipes, which read small pages).
   */
  plan?(doc: Document, url: URL): PagePlan | null;
  /**
   * The field name this adapter stores for the value shown in `element`, when
   * it is not the label the page shows beside it (the demo CRM stores
   * `MonthlyCharges` under a "月费" header). The element picker maps this name,
   * so a mapping picked on the page matches the stored fields. Absent or null:
   * the visible label is the stored one (the generic adapter).
   */
  storedLabelOf?(element: Element): string | null;
}

/** A page's customers as rows, each read on demand (CrmAdapter.plan). */
export interface PagePlan {
  kind: PageKind;
  /** Rows that may hold a customer, in document order (a detail page: 1). */
  size: number;
  /**
   * The elements row `index` is drawn with (its `<tr>`; a grid row split into
   * pinned parts has several): where it is on screen, and which row a change
   * of the page belongs to.
   */
  elementsOf(index: number): readonly Element[];
  /** Row `index`'s customer, within the message limits (clamp.ts), or null when the row holds none. */
  read(index: number): ExtractedCustomer | null;
  today?: string;
  recipe?: RecipeOutcome;
  /**
   * The page's numeric date order from these customers (and what the site
   * proved before); called with each batch read until the page proves it.
   */
  dateOrder(customers: readonly ExtractedCustomer[]): PageExtraction['dateOrder'];
}
