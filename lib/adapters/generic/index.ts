import type { DayMonthOrder } from '../../parse/date-order';
import { clampExtraction, clampSnapshot } from '../clamp';
import { pageDateOrder } from '../dates';
import { readPlan } from '../plan';
import type { CrmAdapter, ExtractedCustomer, PageExtraction, PagePlan } from '../types';
import { findDivLists, findTableLists } from './find-lists';
import { findHeaderlessLists } from './headerless';
import { joinedId, recordIdFromUrl, type JoinBy } from './identity';
import { findActivitySections, readActivities } from './read-activities';
import { readDetail } from './read-detail';
import { listReader, type ListReader } from './read-list';
import { collectRoots } from './roots';
import type { RowCache } from './row-cache';

export { GENERIC_SELECTORS } from './selectors';
export { createRowCache, rowSignature, type RowCache } from './row-cache';
export type { JoinBy } from './identity';

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
  if (!joinBy) return customer;
  const id = joinedId(customer.snapshot.fields, joinBy);
  return id && id !== customer.snapshot.crmId ? { ...customer, snapshot: { ...customer.snapshot, crmId: id } } : customer;
}

/** A list page as a plan (read row by row); a detail page read at once; null: not a customer page. */
type Found = { plan: PagePlan; detail?: undefined } | { detail: PageExtraction; plan?: undefined } | null;

export function extractGeneric(doc: Document, url: URL, options: GenericAdapterOptions = {}, memory: Memory = new Map()): PageExtraction | null {
  const found = findPage(doc, url, options, memory);
  if (!found) return null;
  if (found.detail) {
    const dateOrder = orderOf(found.detail.customers, doc, url, options, memory);
    return clampExtraction(dateOrder ? { ...found.detail, dateOrder } : found.detail);
  }
  const page = readPlan(found.plan);
  return page.customers.length > 0 ? clampExtraction(page) : null;
}

/** The generic adapter's list plan, or null (not a list page: read it with extractGeneric). */
export function planGeneric(doc: Document, url: URL, options: GenericAdapterOptions = {}, memory: Memory = new Map()): PagePlan | null {
  return findPage(doc, url, options, memory)?.plan ?? null;
}

function orderOf(customers: readonly ExtractedCustomer[], doc: Document, url: URL, options: GenericAdapterOptions, memory: Memory) {
  const dateOrder = pageDateOrder(customers, doc.documentElement.lang, options.dateOrder, memory.get(url.origin));
  if (dateOrder?.source === 'page' && (memory.size < 16 || memory.has(url.origin))) memory.set(url.origin, dateOrder.order);
  return dateOrder;
}

function findPage(doc: Document, url: URL, options: GenericAdapterOptions, memory: Memory): Found {
  // Lists of the document first, so the walk for shadow roots and frames can skip their rows.
  const documentLists = findTableLists([doc]);
  const roots = collectRoots(doc, documentLists.map((list) => list.grid.container));
  let lists = [...documentLists, ...findTableLists(roots.slice(1))];
  if (lists.length === 0) lists = findDivLists(roots);
  const recordUrl = recordIdFromUrl(url.href, url) !== null;
  if (lists.length === 0 && !recordUrl) lists = findHeaderlessLists(roots, doc, url);
  const containers = lists.map((list) => list.grid.container);
  if (lists.length === 0 || recordUrl) {
    const sections = findActivitySections(roots, (el) => containers.some((container) => container.contains(el)));
    const skip = [...containers, ...sections.flatMap((section) => [section.heading, ...section.lists])];
    const customer = readDetail(roots, { page: doc, url, skip });
    if (customer) {
      if (sections.length > 0) customer.snapshot.activities = readActivities(sections);
      return { detail: { kind: 'detail', customers: [joined(customer, options.joinBy)] } };
    }
  }
  const readers = lists.flatMap((list) => listReader(list, { page: doc, url, cache: options.rowCache }) ?? []);
  if (readers.length === 0) return null;
  const readerOf = new Map<Element, ListReader>();
  for (const reader of readers) for (const row of reader.rows) if (!readerOf.has(row)) readerOf.set(row, reader);
  return {
    plan: {
      kind: 'list',
      rows: [...readerOf.keys()],
      read(row) {
        const customer = readerOf.get(row)?.read(row);
        if (!customer) return null;
        const snapshot = clampSnapshot(joined(customer, options.joinBy).snapshot);
        return snapshot ? { ...customer, snapshot } : null;
      },
      dateOrder: (customers) => orderOf(customers, doc, url, options, memory),
      adopt(row) {
        const reader = readers.find((each) => each.adopt(row));
        if (reader) readerOf.set(row, reader);
        return reader !== undefined;
      },
    },
  };
}

export function createGenericAdapter(options: GenericAdapterOptions = {}): CrmAdapter {
  const memory: Memory = new Map();
  return {
    id: 'generic',
    matches: () => true,
    extract: (doc, url) => extractGeneric(doc, url, options, memory),
    plan: (doc, url) => planGeneric(doc, url, options, memory),
  };
}

/** Registered last (lib/adapters/registry.ts): every site the more specific adapters do not claim. */
export const genericAdapter: CrmAdapter = createGenericAdapter();
