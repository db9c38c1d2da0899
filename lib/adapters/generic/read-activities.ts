import type { ActivityKind, ActivitySnapshot } from '@/lib/domain';
import { activityColumnOf, headingKindOf, kindFromWords, type ActivityColumn } from './labels';
import { byIdNear, queryAll, type Root } from './roots';
import { ariaGrid, tableGrid, type Grid } from './structure';
import { collapse, labelText, readableText, unseen } from './text';
import { GENERIC_SELECTORS } from './selectors';
import { firstDateIn, firstMoneyIn } from './value-patterns';

/**
 * Activity lists of a detail page (orders, tickets, notes, calls, payments,
 * or a mixed timeline) → ActivitySnapshot[], raw text as shown.
 *
 * Sections: a heading (h1–h6, role=heading, a table caption, an element
 * whose class says title/header, or a tab with its aria-controls panel)
 * whose text is an activity heading (labels.ts: "Orders (8)", "Open cases",
 * "跟进记录", …; a trailing count is ignored). Its lists are the outermost
 * `ul, ol, table, [role=list|feed|table|grid]` after it, in the nearest of
 * its ancestors (up to SECTION_LEVELS up) that has any, up to the next
 * activity heading: sub-headings such as "Upcoming & Overdue" or "June 2024"
 * do not end a timeline.
 *
 * Items: list items (`li`, role=listitem|article) and table rows.
 * - kind: the heading's; in a mixed timeline each item's own words (its
 *   data-type/-activity-type/-kind attributes and class names, then its
 *   text: "Call", "工单", "Invoice" …), else "note" (free text).
 * - date: a `<time datetime>` gives its ISO day (unambiguous, unlike the
 *   "03/05/2024" it may display); else an element whose class says
 *   date/time/timestamp; else the first date or relative time in the text.
 *   An item without a date is skipped, as in the demo adapter.
 * - amount (orders and payments only) and quantity: an element whose class
 *   says amount/price/total (qty/quantity), else the first money in the text.
 * - status: an element whose class says status/state/badge/pill/stage.
 * - text: its title (class says subject/title/summary) and its body (class
 *   says description/message/content/body/text), "title — body", each
 *   holding neither the date, the status nor the amount; else the item's
 *   text without its date, status and amount.
 * - id: the item's data-id/data-activity-id/data-record-id, or a table's
 *   "Order #"/"Ticket ID"/"工单号" column.
 * Table rows take each part from the column its header names (labels.ts).
 */

const SECTION_LEVELS = 3;
const MAX_HEADING_LENGTH = 40;

export interface ActivitySection {
  kind: ActivityKind | 'mixed';
  heading: Element;
  /** The lists of the section: what the detail reader must not read as fields. */
  lists: Element[];
}

const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) !== 0; // b after a

function headingsOf(roots: readonly Root[], excluded: (el: Element) => boolean): { el: Element; kind: ActivityKind | 'mixed' }[] {
  const found: { el: Element; kind: ActivityKind | 'mixed' }[] = [];
  for (const el of queryAll(roots, GENERIC_SELECTORS.activityHeading)) {
    if (excluded(el)) continue;
    const text = labelText(el);
    if (text === '' || text.length > MAX_HEADING_LENGTH) continue;
    const kind = headingKindOf(text);
    if (kind) found.push({ el, kind });
  }
  // A title element inside a matched heading (h2 > span.title) is the same heading.
  return found.filter(({ el }) => !found.some((other) => other.el !== el && other.el.contains(el)));
}

function listsAfter(heading: Element, others: readonly Element[]): Element[] {
  if (heading.localName === 'caption') return heading.parentElement ? [heading.parentElement] : [];
  const panelId = heading.getAttribute('role') === 'tab' ? heading.getAttribute('aria-controls') : null;
  const panel = panelId ? byIdNear(heading, panelId) : null;
  let scope: Element | null = panel ?? heading.parentElement;
  for (let level = 0; scope !== null && level < SECTION_LEVELS; level++, scope = scope.parentElement) {
    const lists: Element[] = [];
    for (const list of scope.querySelectorAll(GENERIC_SELECTORS.activityList)) {
      if (list.contains(heading) || (!panel && !follows(heading, list))) continue;
      if (lists.some((outer) => outer.contains(list))) continue;
      if (others.some((other) => other !== heading && follows(heading, other) && follows(other, list) && !list.contains(other))) continue;
      lists.push(list);
    }
    if (lists.length > 0) return lists;
    if (panel) return [];
  }
  return [];
}

export function findActivitySections(roots: readonly Root[], excluded: (el: Element) => boolean): ActivitySection[] {
  const headings = headingsOf(roots, excluded);
  const all = headings.map((h) => h.el);
  return headings.map(({ el, kind }) => ({ kind, heading: el, lists: listsAfter(el, all) })).filter((section) => section.lists.length > 0);
}

// ---- reading items

/** Class-name words (split at spaces, "-", "_" and camelCase) that say what an element of an item holds. */
const DATE_WORDS = new Set(['date', 'time', 'timestamp', 'datetime', 'when', 'created', 'day']);
const AMOUNT_WORDS = new Set(['amount', 'price', 'total', 'money', 'sum', 'revenue']);
const QUANTITY_WORDS = new Set(['qty', 'quantity', 'units', 'count']);
const STATUS_WORDS = new Set(['status', 'state', 'badge', 'pill', 'stage', 'lozenge']);
const TITLE_WORDS = new Set(['subject', 'title', 'summary', 'headline']);
const BODY_WORDS = new Set(['description', 'message', 'content', 'body', 'text', 'detail', 'details', 'excerpt']);

const classWords = (cls: string): string[] =>
  cls
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
const says = (words: readonly string[], set: ReadonlySet<string>) => words.some((word) => set.has(word));

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const ITEM_ID_ATTRS = ['data-id', 'data-activity-id', 'data-record-id', 'data-item-id'] as const;

/** The ISO day of a `<time datetime>` at or inside `el`, when it gives one. */
function machineDate(el: Element): string | null {
  const time = el.localName === 'time' ? el : el.querySelector('time[datetime]');
  const iso = time?.getAttribute('datetime')?.trim() ?? '';
  return ISO_DAY.test(iso) ? iso.slice(0, 10) : null;
}

/** What an item says about its kind in markup: its and its first wrappers' classes and type attributes. */
const wordsOf = (item: Element): string => {
  const parts: string[] = [];
  let el: Element | null = item;
  for (let depth = 0; el !== null && depth < 3; depth++, el = el.firstElementChild) {
    parts.push(el.getAttribute('class') ?? '');
    for (const attr of ['data-type', 'data-activity-type', 'data-kind', 'data-object-type', 'data-entity']) parts.push(el.getAttribute(attr) ?? '');
  }
  return parts.join(' ').replace(/[_-]+/g, ' ');
};

const carriesAmount = (kind: ActivityKind) => kind === 'order' || kind === 'payment';

function without(text: string, parts: readonly (string | undefined)[]): string {
  let rest = text;
  for (const part of parts) if (part) rest = rest.replace(part, ' ');
  return collapse(rest);
}

function readItem(item: Element, sectionKind: ActivityKind | 'mixed'): ActivitySnapshot | null {
  let dateEl: Element | null = null;
  let amountEl: Element | null = null;
  let quantityEl: Element | null = null;
  let statusEl: Element | null = null;
  const titleEls: Element[] = [];
  const bodyEls: Element[] = [];
  for (const el of item.querySelectorAll('*')) {
    if (unseen(el)) continue;
    if (el.localName === 'time' && dateEl?.localName !== 'time') {
      dateEl = el;
      continue;
    }
    const cls = el.getAttribute('class');
    if (!cls) continue;
    const words = classWords(cls);
    if (!dateEl && says(words, DATE_WORDS)) dateEl = el;
    else if (!statusEl && says(words, STATUS_WORDS)) statusEl = el;
    else if (!amountEl && says(words, AMOUNT_WORDS)) amountEl = el;
    else if (!quantityEl && says(words, QUANTITY_WORDS)) quantityEl = el;
    else if (says(words, TITLE_WORDS)) titleEls.push(el);
    else if (says(words, BODY_WORDS)) bodyEls.push(el);
  }
  const full = readableText(item);
  const shownDate = dateEl ? readableText(dateEl) : (firstDateIn(full) ?? '');
  const date = (dateEl && machineDate(dateEl)) || shownDate;
  if (!date) return null;
  const kind = sectionKind !== 'mixed' ? sectionKind : (kindFromWords(wordsOf(item)) ?? kindFromWords(full) ?? 'note');
  const status = statusEl ? readableText(statusEl) : undefined;
  const amount = carriesAmount(kind) ? (amountEl ? readableText(amountEl) : firstMoneyIn(full)) : undefined;
  const alone = (el: Element) => !(dateEl && el.contains(dateEl)) && !(statusEl && el.contains(statusEl)) && !(amountEl && el.contains(amountEl));
  const titleEl = titleEls.find(alone);
  const bodyEl = bodyEls.find((el) => alone(el) && !(titleEl && (el.contains(titleEl) || titleEl.contains(el))));
  const text =
    titleEl || bodyEl
      ? [titleEl, bodyEl]
          .map((el) => (el ? readableText(el) : ''))
          .filter((part) => part !== '')
          .join(' — ')
      : without(full, [shownDate, status, amount]);

  const activity: ActivitySnapshot = { kind, date };
  const id = ITEM_ID_ATTRS.map((attr) => item.getAttribute(attr)).find((value) => value);
  if (id) activity.id = id;
  if (amount) activity.amount = amount;
  if (quantityEl) activity.quantity = readableText(quantityEl);
  if (status) activity.status = status;
  if (text) activity.text = text;
  return activity;
}

function readTable(grid: Grid, sectionKind: ActivityKind | 'mixed'): ActivitySnapshot[] {
  const columns = new Map<ActivityColumn, number>();
  grid.headers.forEach((label, column) => {
    const part = activityColumnOf(label);
    if (part && !columns.has(part)) columns.set(part, column);
  });
  if (!columns.has('date')) return [];
  const activities: ActivitySnapshot[] = [];
  for (const row of grid.rows()) {
    const cell = (part: ActivityColumn) => {
      const column = columns.get(part);
      return column === undefined ? undefined : row.cells[column];
    };
    const read = (part: ActivityColumn) => {
      const el = cell(part);
      return el ? readableText(el) : '';
    };
    const dateCell = cell('date');
    const date = dateCell ? machineDate(dateCell) || readableText(dateCell) : '';
    if (!date) continue;
    const kind = sectionKind !== 'mixed' ? sectionKind : (kindFromWords(read('kind')) ?? kindFromWords(readableText(row.element)) ?? 'note');
    const activity: ActivitySnapshot = { kind, date };
    const id = read('id');
    if (id) activity.id = id;
    const amount = read('amount');
    if (amount && carriesAmount(kind)) activity.amount = amount;
    const quantity = read('quantity');
    if (quantity) activity.quantity = quantity;
    const status = read('status');
    if (status) activity.status = status;
    const text = read('text');
    if (text) activity.text = text;
    activities.push(activity);
  }
  return activities;
}

const ITEM_ROLES = new Set(['listitem', 'article']);

function itemsOf(list: Element): Element[] {
  const items: Element[] = [];
  for (let child = list.firstElementChild; child !== null; child = child.nextElementSibling) {
    if (child.localName === 'li' || ITEM_ROLES.has(child.getAttribute('role') ?? '')) items.push(child);
  }
  return items;
}

/** Every activity of the sections, section by section, items in page order; an item is read once. */
export function readActivities(sections: readonly ActivitySection[]): ActivitySnapshot[] {
  const activities: ActivitySnapshot[] = [];
  const seen = new Set<Element>();
  for (const section of sections) {
    for (const list of section.lists) {
      if (seen.has(list)) continue;
      seen.add(list);
      const grid =
        list.localName === 'table'
          ? tableGrid(list as HTMLTableElement)
          : list.getAttribute('role') === 'table' || list.getAttribute('role') === 'grid'
            ? ariaGrid(list)
            : null;
      if (grid) {
        activities.push(...readTable(grid, section.kind));
        continue;
      }
      for (const item of itemsOf(list)) {
        const activity = readItem(item, section.kind);
        if (activity) activities.push(activity);
      }
    }
  }
  return activities;
}
