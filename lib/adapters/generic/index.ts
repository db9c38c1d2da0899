import type { DayMonthOrder } from '@/lib/parse/date-order';
import { clampExtraction, clampSnapshot } from '../clamp';
import { pageDateOrder } from '../dates';
import { planOfExtraction, readPlan } from '../page-plan';
import type { CrmAdapter, ExtractedCustomer, PageExtraction, PagePlan } from '../types';
import { findDivLists, findTableLists } from './find-lists';
import { findHeaderlessLists } from './headerless';
import { joinedId, recordIdFromUrl, type JoinBy } from './identity';
import { findActivitySections, readActivities } from './read-activities';
import { readDetail } from './read-detail';
import { createLinkIds, type LinkIds } from './link-ids';
import { listReader } from './read-list';
import { collectRoots } from './roots';
import type { RowCache } from './row-cache';

export { GENERIC_SELECTORS } from './selectors';
export { createRowCache, rowSignature } from './row-cache';

/**
 * The generic adapter: any CRM, by reading the page as a person would.
 * Pure DOM reading (no network, no storage, no change to the page).
 *
 *   roots.ts          the document, open shadow roots, same-origin iframes
 *   find-lists.ts     which tables / ARIA grids / div grids are customer lists
 *   headerless.ts     lists without a header, by repeated rows of record links
 *   structure.ts      header labels and rows by column position, per markup
 *   read-list.ts      rows → customers (crmId, name, fields, anchor)
 *   read-activities   orders / tickets / notes / timelines of a detail page
 *   read-detail.ts    label → value pairs, title → one customer
 *   identity.ts       stable ids from links and URLs, e-mail/domain join
 *   row-cache.ts      re-scans re-read only the rows that changed
 *   selectors.ts      every selector queried, with expected counts
 *   labels.ts         the words recognised (en + zh)
 *   icon-label.ts     labels icons give ("✉" → Email)
 *   value-patterns    dates and money inside text, sentences as label + value
 *   ../dates.ts       the page's numeric date order (m/d or d/m)
 *   ../clamp.ts       snapshots within the message limits
 *
 * A page is a detail page when its URL names a record (identity.ts) — or it
 * has no customer list — and it reads as one customer (read-detail.ts);
 * a detail page's related lists (contacts of an account) are not a list
 * page. Otherwise it is a list page when it has customer lists, and null
 * (not a customer page: dashboards, settings) when it has neither.
 */

export interface GenericAdapterOptions {
  /** Keep readings of unchanged rows between scans (see row-cache.ts); one cache per page. */
  rowCache?: RowCache;
  /** The manager's choice to join customers by e-mail or company domain across pages and CRMs. */
  joinBy?: JoinBy;
  /** The manager's choice of how the site writes numeric dates (absent: inferred, lib/adapters/dates.ts). */
  dateOrder?: DayMonthOrder;
}

/** What an adapter instance remembers between scans, per site: the order its dates proved. */
type Memory = Map<string, DayMonthOrder>;

function joined(customer: ExtractedCustomer, joinBy: JoinBy | undefined): ExtractedCustomer {
  const id = joinBy && joinedId(customer.snapshot.fields, joinBy);
  return id && id !== customer.snapshot.crmId ? { ...customer, snapshot: { ...customer.snapshot, crmId: id } } : customer;
}

/** Every row of the page read now (tests, benches, the picker); the content script reads the plan row by row. */
export function extractGeneric(
  doc: Document,
  url: URL,
  options: GenericAdapterOptions = {},
  memory: Memory = new Map(),
  links: LinkIds = createLinkIds(),
): PageExtraction | null {
  const page = readPlan(planGeneric(doc, url, options, memory, links));
  return page && page.customers.length > 0 ? page : null;
}

function planGeneric(doc: Document, url: URL, options: GenericAdapterOptions, memory: Memory, links: LinkIds): PagePlan | null {
  const plan = planPage(doc, url, options, links);
  if (!plan) return null;
  // Called with each batch of rows read until the page proves its order; what it proves is remembered for the site.
  plan.dateOrder = (customers) => {
    const dateOrder = pageDateOrder(customers, doc.documentElement.lang, options.dateOrder, memory.get(url.origin));
    if (dateOrder?.source === 'page' && (memory.size < 16 || memory.has(url.origin))) memory.set(url.origin, dateOrder.order);
    return dateOrder;
  };
  return plan;
}

function planPage(doc: Document, url: URL, options: GenericAdapterOptions, links: LinkIds): PagePlan | null {
  // Lists of the document first, so the walk for shadow roots and frames can skip their rows.
  const documentLists = findTableLists([doc]);
  const roots = collectRoots(
    doc,
    documentLists.map((list) => list.grid.container),
  );
  let lists = [...documentLists, ...findTableLists(roots.slice(1))];
  if (lists.length === 0) lists = findDivLists(roots);
  // A slug URL (/contacts/acme-corp) is a record when a list of this page's session linked to it (link-ids.ts).
  const knownId = links.idOf(url);
  const recordUrl = knownId !== null || recordIdFromUrl(url.href, url) !== null;
  if (lists.length === 0 && !recordUrl) lists = findHeaderlessLists(roots, doc, url);
  const containers = lists.map((list) => list.grid.container);
  if (lists.length === 0 || recordUrl) {
    const sections = findActivitySections(roots, (el) => containers.some((container) => container.contains(el)));
    const skip = [...containers, ...sections.flatMap((section) => [section.heading, ...section.lists])];
    const customer = readDetail(roots, { page: doc, url, skip, knownId });
    if (customer) {
      if (sections.length > 0) customer.snapshot.activities = readActivities(sections);
      return planOfExtraction(clampExtraction({ kind: 'detail', customers: [joined(customer, options.joinBy)] }));
    }
  }
  const readers = lists.flatMap((list) => listReader(list, { page: doc, url, cache: options.rowCache }) ?? []);
  if (readers.length === 0) return null;
  // The lists' rows end to end: row `index` is `starts[k] + i`, row i of list k.
  const starts = readers.map((_, k) => readers.slice(0, k).reduce((sum, reader) => sum + reader.rows.length, 0));
  const at = (index: number): [number, number] => {
    let k = readers.length - 1;
    while (starts[k]! > index) k--;
    return [k, index - starts[k]!];
  };
  return {
    kind: 'list',
    size: readers.reduce((sum, reader) => sum + reader.rows.length, 0),
    elementsOf(index) {
      const [k, i] = at(index);
      return readers[k]!.rows[i]!.parts;
    },
    read(index) {
      const [k, i] = at(index);
      const read = readers[k]!.read(i);
      if (!read) return null;
      const customer = joined(read, options.joinBy);
      const snapshot = clampSnapshot(customer.snapshot);
      if (!snapshot) return null;
      // A slug link followed from this list opens a record of this customer (link-ids.ts).
      const link = customer.anchor.closest('a[href]') ?? customer.anchor.querySelector('a[href]');
      if (link) links.remember(link.getAttribute('href')!, url, snapshot.crmId);
      return snapshot === customer.snapshot ? customer : { ...customer, snapshot };
    },
    dateOrder: () => undefined,
  };
}

export function createGenericAdapter(options: GenericAdapterOptions = {}): CrmAdapter {
  const memory: Memory = new Map();
  const links = createLinkIds();
  return {
    id: 'generic',
    matches: () => true,
    extract: (doc, url) => extractGeneric(doc, url, options, memory, links),
    plan: (doc, url) => planGeneric(doc, url, options, memory, links),
  };
}

/** Registered last (lib/adapters/registry.ts): every site the more specific adapters do not claim. */
export const genericAdapter: CrmAdapter = createGenericAdapter();
