import { isCustomerLabel, isEmailLabel, isIdLabel, nameRankOf } from './labels';
import { queryAll, type Root } from './roots';
import { ariaGrid, divGrid, signature, tableGrid, type Grid, type GridRow } from './structure';
import { childCells, isOurHost } from './text';
import { GENERIC_SELECTORS } from './selectors';

/**
 * Which lists on the page are customer lists.
 *
 * Candidates: every `<table>` and ARIA `role=grid|treegrid|table` in every
 * root; only when none of them is a customer list, div grids found by
 * repeated structure (below). A candidate is a customer list when its
 * header labels look like one — at least MIN_KNOWN_HEADERS known customer
 * labels (labels.ts: name, id, e-mail, product-field synonyms, other CRM
 * fields, en + zh) of which one names the customer, its id or its e-mail —
 * and it has body rows. Layout tables (no header), header-only tables and
 * lists of other things (deals: "Deal name, Stage, Amount") fail that test.
 *
 * Sticky/duplicated headers: a body table without a header row takes the
 * header of a header-only table just before it (Ant Design, DataTables,
 * Element UI draw the header as a separate `<table>` above the scrolling
 * body), matched by position; a trailing scrollbar-gutter column may make
 * the header one longer. Looked for in the previous siblings of the table
 * and of its ancestors, HEADER_DONOR_LEVELS levels up.
 *
 * Div grids: an element with ≥ 2 children of one signature (tag + first
 * class) that each have ≥ MIN_DIV_CELLS element children is a row group; its
 * header is a child of another signature with as many cells, placed before
 * the rows, or else an element just before the group (or before one of its
 * ancestors, HEADER_DONOR_LEVELS up) with as many cells, possibly wrapped in
 * single-child elements.
 */

const MIN_KNOWN_HEADERS = 2;
/** Element Plus puts its body table 4 wrappers (el-scrollbar's) below the body wrapper that follows the header's. */
const HEADER_DONOR_LEVELS = 5;
const MIN_DIV_CELLS = 3;

interface HeaderReading {
  known: number;
  /** The column of the customer's name (best-ranked name label; first on ties). */
  nameColumn?: number;
  idColumn?: number;
  emailColumn?: number;
}

function readHeaders(headers: readonly string[]): HeaderReading {
  const reading: HeaderReading = { known: 0 };
  let bestRank = Infinity;
  headers.forEach((label, column) => {
    if (label === '') return;
    if (isCustomerLabel(label)) reading.known++;
    const rank = nameRankOf(label);
    if (rank !== undefined && rank < bestRank) {
      bestRank = rank;
      reading.nameColumn = column;
    }
    if (reading.idColumn === undefined && isIdLabel(label)) reading.idColumn = column;
    if (reading.emailColumn === undefined && isEmailLabel(label)) reading.emailColumn = column;
  });
  return reading;
}

const looksLikeCustomerHeader = (reading: HeaderReading): boolean =>
  reading.known >= MIN_KNOWN_HEADERS && (reading.nameColumn !== undefined || reading.idColumn !== undefined || reading.emailColumn !== undefined);

export interface CustomerList {
  grid: Grid;
  reading: HeaderReading;
  rows: GridRow[];
}

const hasLabels = (headers: readonly string[]) => headers.some((label) => label !== '');

/** The header of a header-only table just before `table`, for a body table without its own. */
function donorHeaders(table: Element, columns: number): string[] | null {
  let node: Element | null = table;
  for (let level = 0; node !== null && level < HEADER_DONOR_LEVELS; level++, node = node.parentElement) {
    for (let prev = node.previousElementSibling, seen = 0; prev !== null && seen < 2; prev = prev.previousElementSibling, seen++) {
      const donor = prev.localName === 'table' ? prev : prev.querySelector('table');
      if (!donor) continue;
      const grid = tableGrid(donor as HTMLTableElement);
      if (!grid || !hasLabels(grid.headers) || grid.rows().length > 0) continue;
      if (grid.headers.length === columns || grid.headers.length === columns + 1) return grid.headers.slice(0, columns);
    }
  }
  return null;
}

function asCustomerList(grid: Grid): CustomerList | null {
  let rows: GridRow[] | null = null;
  if (!hasLabels(grid.headers) && grid.kind === 'table') {
    rows = grid.rows();
    const columns = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
    const donated = rows.length > 0 ? donorHeaders(grid.container, columns) : null;
    if (!donated) return null;
    grid = { ...grid, headers: donated };
  }
  const reading = readHeaders(grid.headers);
  if (!looksLikeCustomerHeader(reading)) return null;
  rows ??= grid.rows();
  return rows.length > 0 ? { grid, reading, rows } : null;
}

// ---- div grids by repeated structure

const SKIP_SUBTREE = new Set(['script', 'style', 'template', 'svg', 'head', 'noscript', 'table', 'select']);
/** A header row for `cells` cells: `el` itself or the element it wraps in single-child elements. */
function headerRowIn(el: Element, cells: number): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node !== null && depth < 5; depth++) {
    if (childCells(node).length === cells) return node;
    node = node.childElementCount === 1 ? node.firstElementChild : null;
  }
  return null;
}

function divHeader(parent: Element, rows: readonly Element[], rowSignature: string, cells: number): Element | null {
  for (let child = parent.firstElementChild; child !== null && child !== rows[0]; child = child.nextElementSibling) {
    if (signature(child) !== rowSignature && childCells(child).length === cells) return child;
  }
  let node: Element | null = parent;
  for (let level = 0; node !== null && level < HEADER_DONOR_LEVELS; level++, node = node.parentElement) {
    const prev = node.previousElementSibling;
    const header = prev ? headerRowIn(prev, cells) : null;
    if (header) return header;
  }
  return null;
}

function divGridsIn(root: Root): Grid[] {
  const grids: Grid[] = [];
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 1, {
    acceptNode: (node) => {
      const el = node as Element;
      if (SKIP_SUBTREE.has(el.localName) || isOurHost(el)) return 2; // FILTER_REJECT: not its subtree either
      const role = el.getAttribute('role');
      return role === 'grid' || role === 'treegrid' || role === 'table' ? 2 : 1;
    },
  });
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node as Element;
    if (parent.childElementCount < 2) continue;
    const counts = new Map<string, Element[]>();
    for (let child = parent.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (child.childElementCount < MIN_DIV_CELLS || isOurHost(child)) continue;
      const key = signature(child);
      const same = counts.get(key);
      if (same) same.push(child);
      else counts.set(key, [child]);
    }
    let best: [string, Element[]] | null = null;
    for (const entry of counts) if (entry[1].length >= 2 && (!best || entry[1].length > best[1].length)) best = entry;
    if (!best) continue;
    const [rowSignature, rows] = best;
    const cells = modalCellCount(rows);
    const header = divHeader(parent, rows, rowSignature, cells);
    if (header) grids.push(divGrid(parent, rows, childCells(header)));
  }
  return grids;
}

function modalCellCount(rows: readonly Element[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const row of rows) {
    const cells = childCells(row).length;
    const count = (counts.get(cells) ?? 0) + 1;
    counts.set(cells, count);
    if (count > bestCount) [best, bestCount] = [cells, count];
  }
  return best;
}

/** The table and ARIA customer lists of these roots, in document order, root by root. */
export function findTableLists(roots: readonly Root[]): CustomerList[] {
  const lists: CustomerList[] = [];
  const candidates = queryAll(roots, GENERIC_SELECTORS.list);
  for (const [at, el] of candidates.entries()) {
    // Candidates come in document order: whatever one contains follows it.
    const next = candidates[at + 1];
    const grid = el.localName === 'table' ? tableGrid(el as HTMLTableElement) : ariaGrid(el, next !== undefined && el.contains(next));
    const list = grid && asCustomerList(grid);
    if (list) lists.push(list);
  }
  return lists;
}

/** The div-grid customer lists of these roots (walks every element: only when there is no table or ARIA list). */
export function findDivLists(roots: readonly Root[]): CustomerList[] {
  const lists: CustomerList[] = [];
  for (const root of roots) {
    for (const grid of divGridsIn(root)) {
      const list = asCustomerList(grid);
      if (list) lists.push(list);
    }
  }
  return lists;
}

/** Every customer list of the page: tables and ARIA grids, else div grids. */
export function findCustomerLists(roots: readonly Root[]): CustomerList[] {
  const lists = findTableLists(roots);
  return lists.length > 0 ? lists : findDivLists(roots);
}
