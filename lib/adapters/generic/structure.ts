import { childCells, labelText } from './text';
import { GENERIC_SELECTORS } from './selectors';

/**
 * How each kind of list markup lays out its header and rows, as one shape:
 * header labels by column position, and rows whose cells sit at the same
 * positions. Matching by position is what lets a header that lives in
 * another element (a sticky header table, a div header row) name the cells.
 *
 * - `<table>`: the header row is the `<thead>` row with ≥ 2 cells that
 *   names the most columns, the last of equals (SuiteCRM puts a pagination
 *   row above it, vtiger a search row below it), else a first row made only
 *   of `<th>`. Positions count colspans. Body rows are the tbody rows except
 *   aria-hidden ones (Ant Design's measure row), rows made only of `<th>`
 *   (repeated headers) and one-cell rows spanning the table (group titles,
 *   "No records", loading).
 * - ARIA `role=grid|treegrid|table`: its own `role=row` elements (not those
 *   of a grid nested in it); rows whose cells are all `columnheader` are
 *   header rows (later rows override earlier ones: group headers come
 *   first). Cells are `gridcell|cell|rowheader|columnheader`, placed by
 *   `aria-colindex` when given (virtualised columns leave holes); header
 *   cells may span columns (`aria-colspan`), body cells are one column each
 *   (a spanning body row is a group title, not a customer). Row
 *   elements sharing an `aria-rowindex` are one row: AG-Grid splits a row
 *   into pinned-left, centre and pinned-right parts. Rows are ordered by
 *   `aria-rowindex`, because virtualised grids recycle row elements and
 *   their DOM order is not the visual order.
 * - div grids: found by repeated structure (find-lists.ts); cells are a
 *   row's element children, positions by order.
 */

export interface GridRow {
  /** The row's first element: what a cache keys on and what the row is known by. */
  element: Element;
  /** Every element the row is made of (several for AG-Grid's pinned columns). */
  parts: readonly Element[];
  /** Cells by column position; holes where the grid left columns out. */
  cells: readonly (Element | undefined)[];
}

export interface Grid {
  kind: 'table' | 'aria' | 'div';
  container: Element;
  /** Header labels by column position ('' for a column without one). */
  headers: string[];
  /** Body rows, read on demand: scoring needs only the headers. */
  rows(): GridRow[];
  /** Words each cell of a column starts with, not part of its value (a headerless list's "last activity 3 days ago"); '' for none. */
  prefixes?: readonly string[];
}

const { rowContainer: ROLE_CONTAINERS } = GENERIC_SELECTORS;
const CELL_ROLES = new Set(['gridcell', 'cell', 'rowheader', 'columnheader']);

function place<T>(into: T[], at: number, value: T, span: number, filler: T): void {
  while (into.length < at) into.push(filler);
  into[at] = value;
  for (let i = 1; i < span; i++) if (into[at + i] === undefined) into[at + i] = filler;
}

// ---- <table>

/**
 * A table's own rows and a row's own cells, by walking children: a nested
 * table's rows (SuiteCRM's pagination table sits in a header cell) are not
 * the outer table's, and some DOM implementations' rows/cells collections
 * include them.
 */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child !== null; child = child.nextElementSibling) {
    const name = child.localName;
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (let row = child.firstElementChild; row !== null; row = row.nextElementSibling) if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

export function ownCells(row: Element): Element[] {
  const cells: Element[] = [];
  for (let cell = row.firstElementChild; cell !== null; cell = cell.nextElementSibling) {
    if (cell.localName === 'td' || cell.localName === 'th') cells.push(cell);
  }
  return cells;
}

const spanOf = (cell: Element) => {
  const raw = cell.getAttribute('colspan');
  const span = raw === null ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, 1000) : 1;
};

function tableCells(row: Element): (Element | undefined)[] {
  const out: (Element | undefined)[] = [];
  for (let cell = row.firstElementChild; cell !== null; cell = cell.nextElementSibling) {
    if (cell.localName !== 'td' && cell.localName !== 'th') continue;
    out.push(cell);
    for (let span = spanOf(cell); span > 1; span--) out.push(undefined);
  }
  return out;
}

const sectionOf = (row: Element) => row.parentElement?.localName;

function tableHeaderRow(rows: readonly Element[]): Element | null {
  const head = rows.filter((row) => sectionOf(row) === 'thead');
  if (head.length > 0) {
    // The row naming the most columns; the last of equals (a pagination or search row has few labels).
    let best: Element | null = null;
    let bestLabels = 0;
    for (const row of head) {
      const cells = ownCells(row);
      if (cells.length < 2) continue;
      let labels = 0;
      for (const cell of cells) if (labelText(cell) !== '') labels++;
      if (best === null || labels >= bestLabels) [best, bestLabels] = [row, labels];
    }
    return best;
  }
  const first = rows[0];
  if (!first) return null;
  const cells = ownCells(first);
  if (cells.length < 2) return null;
  for (const cell of cells) if (cell.localName !== 'th') return null;
  return first;
}

function headerLabels(cells: readonly (Element | undefined)[]): string[] {
  return cells.map((cell) => (cell ? labelText(cell) : ''));
}

function isBodyRow(row: Element, columns: number): boolean {
  if (row.getAttribute('aria-hidden') === 'true') return false;
  const cells = ownCells(row);
  if (cells.length === 0) return false;
  if (cells.length === 1 && columns > 2) return false;
  for (const cell of cells) if (cell.localName !== 'th') return true;
  return false;
}

export function tableGrid(table: HTMLTableElement): Grid | null {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return null;
  const all = tableRows(table);
  const headerRow = tableHeaderRow(all);
  const headers = headerRow ? headerLabels(tableCells(headerRow)) : [];
  return {
    kind: 'table',
    container: table,
    headers,
    rows() {
      const rows: GridRow[] = [];
      for (const row of all) {
        const section = sectionOf(row);
        if (section === 'thead' || section === 'tfoot' || row === headerRow || !isBodyRow(row, headers.length)) continue;
        rows.push({ element: row, parts: [row], cells: tableCells(row) });
      }
      return rows;
    },
  };
}

// ---- ARIA grids

interface AriaRow {
  row: Element;
  cells: Element[];
  header: boolean;
}

/** A row's cells (its children with a cell role, else wrapped ones) and whether they are all column headers; roles read once. */
function ariaRowOf(row: Element): AriaRow {
  const cells: Element[] = [];
  let headers = 0;
  for (let child = row.firstElementChild; child !== null; child = child.nextElementSibling) {
    const role = child.getAttribute('role');
    if (role === null || !CELL_ROLES.has(role)) continue;
    cells.push(child);
    if (role === 'columnheader') headers++;
  }
  if (cells.length === 0) {
    // Some grids wrap their cells (a row > div.cells-wrapper > cells).
    for (const cell of row.querySelectorAll(GENERIC_SELECTORS.ariaCell)) {
      cells.push(cell);
      if (cell.getAttribute('role') === 'columnheader') headers++;
    }
  }
  return { row, cells, header: cells.length > 0 && headers === cells.length };
}

const numberAttr = (el: Element, name: string): number | null => {
  const raw = el.getAttribute(name);
  if (raw === null) return null;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) ? value : null;
};

/** Places cells by aria-colindex (1-based), else after the last one; header cells may span (aria-colspan). */
function placeAria(cells: readonly Element[], into: (Element | undefined)[], spans: boolean): void {
  let position = into.length;
  for (const cell of cells) {
    const index = numberAttr(cell, 'aria-colindex');
    const at = index !== null && index >= 1 ? index - 1 : position;
    const span = spans ? Math.max(1, numberAttr(cell, 'aria-colspan') ?? 1) : 1;
    place(into, at, cell, span, undefined);
    position = Math.max(position, at + span);
  }
}

/**
 * `nests`: whether another grid or table lies inside this one, when the
 * caller knows it already (find-lists.ts has every candidate in hand): its
 * rows are not this grid's. Most grids nest none and skip the per-row check.
 */
export function ariaGrid(container: Element, nests = container.querySelector(ROLE_CONTAINERS) !== null): Grid | null {
  if (container.localName === 'table') return null;
  const headers: string[] = [];
  const bodyRows: AriaRow[] = [];
  for (const row of container.querySelectorAll(GENERIC_SELECTORS.ariaRow)) {
    if (nests && row.parentElement?.closest(ROLE_CONTAINERS) !== container) continue;
    const read = ariaRowOf(row);
    if (read.cells.length === 0) continue;
    if (!read.header) {
      bodyRows.push(read);
      continue;
    }
    const placed: (Element | undefined)[] = [];
    placeAria(read.cells, placed, true);
    placed.forEach((cell, at) => {
      const label = cell ? labelText(cell) : '';
      while (headers.length <= at) headers.push('');
      if (label !== '') headers[at] = label;
    });
  }
  return {
    kind: 'aria',
    container,
    headers,
    rows() {
      const groups = new Map<number, AriaRow[]>();
      const order: { index: number | null; parts: AriaRow[] }[] = [];
      for (const read of bodyRows) {
        const index = numberAttr(read.row, 'aria-rowindex');
        const group = index === null ? undefined : groups.get(index);
        if (group) group.push(read);
        else {
          const parts = [read];
          if (index !== null) groups.set(index, parts);
          order.push({ index, parts });
        }
      }
      if (order.every((entry) => entry.index !== null)) order.sort((a, b) => a.index! - b.index!);
      return order.map(({ parts }) => {
        const cells: (Element | undefined)[] = [];
        for (const part of parts) placeAria(part.cells, cells, false);
        return { element: parts[0]!.row, parts: parts.map((part) => part.row), cells };
      });
    },
  };
}

// ---- div grids

/** An element's shape: tag and first class (rows of one list share it). */
export const signature = (el: Element) => {
  const cls = el.getAttribute('class');
  if (!cls) return el.localName;
  const space = cls.trimStart().indexOf(' ');
  return `${el.localName}.${space < 0 ? cls.trim() : cls.trimStart().slice(0, space)}`;
};

export function divGrid(container: Element, rowElements: readonly Element[], headerCells: readonly Element[]): Grid {
  return {
    kind: 'div',
    container,
    headers: headerLabels(headerCells),
    rows: () => rowElements.map((row) => ({ element: row, parts: [row], cells: childCells(row) })),
  };
}
