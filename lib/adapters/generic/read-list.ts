import type { RawFields } from '@/lib/domain';
import type { ExtractedCustomer } from '../types';
import type { CustomerList } from './find-lists';
import { emailOf, recordIdFromUrl } from './identity';
import { isNoiseLabel, nameRankOf } from './labels';
import { linkKey } from './link-ids';
import { baseUrlOf } from './roots';
import { rowSignature, type RowCache } from './row-cache';
import type { GridRow } from './structure';
import { childCells, hasOwnText, nameText, textOf } from './text';
import { GENERIC_SELECTORS } from './selectors';

/**
 * A customer list's rows → customers.
 *
 * - Name column: the header naming the customer (find-lists.ts), else the
 *   first column whose cell holds a link to a record of this site (looked
 *   for in the first LINK_PROBE_ROWS rows).
 * - Fields: every other column with a header, keyed by the header as shown
 *   ("Monthly Fee", "月费"; lib/fields maps them to product fields); control
 *   columns (checkboxes, "Actions") are left out; a column the row does not
 *   render (virtualised columns) is absent, not empty. A repeated header
 *   gets " (2)", " (3)".
 * - crmId, first found: the name cell's link (recordIdFromUrl: "record=",
 *   "id=", the last path segment with a digit); a link on the row itself
 *   (`<a>` rows, data-href/data-url); a row attribute in ROW_ID_ATTRS
 *   (Ant Design data-row-key, Lightning data-row-key-value, AG-Grid row-id…);
 *   the id column; the e-mail column. A row with none of them is skipped:
 *   an invented id would split or merge customers. Links elsewhere in the
 *   row are not used: an owner's or a contact's link is someone else's id.
 * - Name: the record link's text, else the cell's. Anchor (the badge goes
 *   right after it): the record link, else the innermost element holding the
 *   name, else the cell. A mailto:/tel:/website link is not a record link.
 * - The same crmId twice in one list (pinned duplicate rows) is one customer.
 */

const LINK_PROBE_ROWS = 5;
export const ROW_ID_ATTRS = [
  'data-record-id',
  'data-recordid',
  'data-customer-id',
  'data-account-id',
  'data-object-id',
  'data-entity-id',
  'data-row-key-value',
  'data-row-key',
  'data-row-id',
  'data-rowid',
  'row-id',
  'data-id',
  'data-key',
  'data-item-id',
] as const;
const ROW_LINK_ATTRS = ['data-href', 'data-url', 'data-link', 'data-recordurl', 'data-record-url'] as const;

export interface ListContext {
  page: Document;
  url: URL;
  cache?: RowCache;
}

interface Plan {
  key: string;
  name: number;
  id?: number;
  email?: number;
  fields: readonly (readonly [column: number, key: string, prefix: string])[];
}

const MAX_CELL_SHADOW_DEPTH = 3;

interface RecordLink {
  link: Element;
  id: string;
}

/**
 * The cell's first link to a record of this site, also inside open shadow
 * roots of the cell's components (native-shadow Lightning: force-lookup);
 * a mailto:, tel: or website link beside it is not the record.
 */
function recordLinkIn(cell: Element | ShadowRoot, base: URL, depth = 0): RecordLink | null {
  const own = cell.nodeType === 1 && (cell as Element).localName === 'a' && (cell as Element).hasAttribute('href') ? (cell as Element) : null;
  const first = own ?? cell.querySelector(GENERIC_SELECTORS.link);
  if (first) {
    const id = recordIdFromUrl(first.getAttribute('href')!, base);
    if (id) return { link: first, id };
    if (!own) {
      for (const link of cell.querySelectorAll(GENERIC_SELECTORS.link)) {
        const other = link === first ? null : recordIdFromUrl(link.getAttribute('href')!, base);
        if (other) return { link, id: other };
      }
    }
    return null;
  }
  if (depth >= MAX_CELL_SHADOW_DEPTH) return null;
  for (const el of cell.querySelectorAll('*')) {
    const inner = el.shadowRoot ? recordLinkIn(el.shadowRoot, base, depth + 1) : null;
    if (inner) return inner;
  }
  return null;
}

function firstLinkColumn(rows: readonly GridRow[], ctx: ListContext): number | undefined {
  for (const row of rows.slice(0, LINK_PROBE_ROWS)) {
    const column = row.cells.findIndex((cell) => !!cell && recordLinkIn(cell, baseUrlOf(cell, ctx.page, ctx.url)) !== null);
    if (column >= 0) return column;
  }
  return undefined;
}

/**
 * The header naming the customer, unless the rows' own pages are linked from
 * another column that is named as a name too: "Name" (linked) beside
 * "Company" on a list of people, where the company is their employer. A
 * record link (an id in the URL) says so at once; slug links
 * (/contacts/ana-ruiz) say it by continuing the list's own path (/contacts).
 */
function nameColumnOf(list: CustomerList, ctx: ListContext): number | undefined {
  const named = list.reading.nameColumn;
  const probe = list.rows.slice(0, LINK_PROBE_ROWS);
  if (named !== undefined && probe.some((row) => row.cells[named] && recordLinkIn(row.cells[named]!, ctx.url))) return named;
  const linked = firstLinkColumn(list.rows, ctx);
  if (named === undefined) return linked;
  if (linked !== undefined && nameRankOf(list.grid.headers[linked] ?? '') !== undefined) return linked;
  const own = ctx.url.pathname.replace(/\/+$/, '');
  const continuesList = (cell: Element | undefined) =>
    !!cell &&
    [cell, ...cell.querySelectorAll(GENERIC_SELECTORS.link)].some(
      (a) => a.matches(GENERIC_SELECTORS.link) && linkKey(a.getAttribute('href')!, ctx.url)?.startsWith(`${ctx.url.origin}${own}/`),
    );
  const slugged = list.grid.headers.findIndex((label, column) => nameRankOf(label) !== undefined && probe.some((row) => continuesList(row.cells[column])));
  return slugged >= 0 ? slugged : named;
}

function planOf(list: CustomerList, ctx: ListContext): Plan | null {
  const { headers, prefixes } = list.grid;
  const name = nameColumnOf(list, ctx);
  if (name === undefined) return null;
  const seen = new Map<string, number>();
  const fields: [number, string, string][] = [];
  headers.forEach((label, column) => {
    if (column === name || label === '' || isNoiseLabel(label)) return;
    const times = (seen.get(label) ?? 0) + 1;
    seen.set(label, times);
    fields.push([column, times === 1 ? label : `${label} (${times})`, prefixes?.[column] ?? '']);
  });
  return { key: `${name}\u241f${headers.join('\u241f')}`, name, id: list.reading.idColumn, email: list.reading.emailColumn, fields };
}

function attributeId(row: GridRow): string | null {
  for (const part of row.parts) {
    for (const attr of ROW_ID_ATTRS) {
      const value = part.getAttribute(attr)?.trim();
      if (value) return value;
    }
  }
  return null;
}

function rowLinkId(row: GridRow, base: URL): string | null {
  const el = row.element;
  const href = el.localName === 'a' ? el.getAttribute('href') : (ROW_LINK_ATTRS.map((attr) => el.getAttribute(attr)).find((value) => value) ?? null);
  return href ? recordIdFromUrl(href, base) : null;
}

/** The innermost element that holds all of the cell's content, for a cell without a link. */
function innermost(cell: Element): Element {
  let node = cell;
  for (;;) {
    const children = childCells(node);
    if (children.length !== 1 || hasOwnText(node)) return node;
    node = children[0]!;
  }
}

const withoutPrefix = (text: string, prefix: string) =>
  text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase() ? text.slice(prefix.length).replace(/^[\s:：]+/, '') : text;

function readRow(row: GridRow, plan: Plan, ctx: ListContext): ExtractedCustomer | null {
  const cells = row.cells;
  const nameCell = cells[plan.name];
  if (!nameCell) return null;
  const base = baseUrlOf(nameCell, ctx.page, ctx.url);
  const record = recordLinkIn(nameCell, base);
  const link = record?.link ?? null;
  const idCell = plan.id === undefined ? undefined : cells[plan.id];
  const emailCell = plan.email === undefined ? undefined : cells[plan.email];
  const crmId =
    record?.id ?? rowLinkId(row, base) ?? attributeId(row) ?? (idCell ? textOf(idCell) || null : null) ?? (emailCell ? emailOf(textOf(emailCell)) : null);
  if (!crmId) return null;
  const name = (link && nameText(link)) || nameText(nameCell);
  if (!name) return null;
  const fields: RawFields = {};
  for (const [column, key, prefix] of plan.fields) {
    const cell = cells[column];
    if (cell) fields[key] = prefix === '' ? textOf(cell) : withoutPrefix(textOf(cell), prefix);
  }
  return { snapshot: { crmId, name, fields }, anchor: link ?? innermost(nameCell) };
}

/** A list's rows, each read when asked (cached readings of unchanged rows given back); null when no column names the customer. */
export function listReader(list: CustomerList, ctx: ListContext): { rows: readonly GridRow[]; read: (index: number) => ExtractedCustomer | null } | null {
  const plan = planOf(list, ctx);
  if (!plan) return null;
  const cache = ctx.cache;
  return {
    rows: list.rows,
    read(index) {
      const row = list.rows[index]!;
      if (!cache) return readRow(row, plan, ctx);
      const signature = rowSignature(row);
      const cached = cache.get(row, plan.key, signature);
      if (cached !== undefined) return cached;
      const customer = readRow(row, plan, ctx);
      cache.set(row, plan.key, signature, customer);
      return customer;
    },
  };
}
