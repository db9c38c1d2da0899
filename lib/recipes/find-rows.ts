import { recordIdFromUrl } from '../adapters/generic/identity';
import { isOurHost, textOf } from '../adapters/generic/text';
import { absoluteSelector, cssEscape, queryIn, relativeSelector, stableClasses } from './css-path';

/**
 * From one clicked customer name to every row of its list, as scraping tools
 * do: climb from the name, and at each ancestor look at its siblings of the
 * same shape (tag, role and most stable classes in common) that hold an
 * element at the same path with text. The ancestor level whose siblings give
 * the most such rows is the row (ties: the lowest); fewer than two rows
 * means the page is not a list around that name (a detail page).
 */

const MIN_ROWS = 2;

export interface RowsFound {
  container: Element;
  rows: Element[];
  /** Absolute: matches the rows of this container. */
  rowSelector: string;
  /** Relative to a row. */
  nameSelector: string;
  /** Relative to a row: the record link when the name is not one. */
  linkSelector?: string;
}

const LINK = 'a[href]';

function sameShape(a: Element, b: Element): boolean {
  if (a.localName !== b.localName || a.getAttribute('role') !== b.getAttribute('role') || isOurHost(b)) return false;
  const mine = new Set(stableClasses(a));
  const theirs = stableClasses(b);
  if (mine.size === 0 && theirs.length === 0) return true;
  const shared = theirs.filter((name) => mine.has(name)).length;
  return shared * 2 >= Math.max(mine.size, theirs.length);
}

/** The name element for a click: the link around it when the link is just the name (not a whole card that links). */
function nameElementOf(clicked: Element): Element {
  const link = clicked.closest(LINK);
  return link && textOf(link) === textOf(clicked) ? link : clicked;
}

const hasText = (el: Element | null): el is Element => el !== null && textOf(el) !== '';

/** The selector of the row's shape: its tag and role with the stable classes every row has. */
function rowShape(rows: readonly Element[]): string {
  const first = rows[0]!;
  const common = stableClasses(first).filter((name) => rows.every((row) => row.classList.contains(name)));
  const role = first.getAttribute('role');
  return `${cssEscape(first.localName)}${common.map((name) => `.${cssEscape(name)}`).join('')}${role ? `[role="${cssEscape(role)}"]` : ''}`;
}

function linkSelectorIn(row: Element, name: Element, page: URL): string | undefined {
  if (name.matches(LINK)) return undefined;
  if (row.matches(LINK)) return ':scope';
  const base = new URL(row.ownerDocument.baseURI || page.href);
  const link = [...row.querySelectorAll(LINK)].find((a) => recordIdFromUrl(a.getAttribute('href')!, base) !== null);
  return link ? relativeSelector(row, link) : undefined;
}

/** Menus, tabs and breadcrumbs repeat too, but never list customers (a record page's breadcrumb ends with its name). */
const NAVIGATION = 'nav, [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"], [class*="breadcrumb" i], [aria-label*="breadcrumb" i]';

export function findRepeatingRows(clicked: Element, page: URL): RowsFound | null {
  const name = nameElementOf(clicked);
  if (name.closest(NAVIGATION)) return null;
  let best: { row: Element; rows: Element[]; path: string } | null = null;
  for (let row: Element | null = name; row?.parentElement && row.localName !== 'body'; row = row.parentElement) {
    const parent = row.parentElement;
    const path = relativeSelector(row, name);
    const rows = [...parent.children].filter((sibling) => sibling === row || (sameShape(row!, sibling) && hasText(queryIn(sibling, path))));
    if (rows.length >= MIN_ROWS && rows.length > (best?.rows.length ?? 0)) best = { row, rows, path };
  }
  if (!best) return null;
  const container = best.row.parentElement!;
  const rowSelector = `${absoluteSelector(container)} > ${rowShape(best.rows)}`;
  const linkSelector = linkSelectorIn(best.row, name, page);
  return { container, rows: best.rows, rowSelector, nameSelector: best.path, ...(linkSelector ? { linkSelector } : {}) };
}
