import type { CustomerList } from './find-lists';
import { iconLabel, isIcon } from './icon-label';
import { recordIdFromUrl } from './identity';
import { baseUrlOf, queryAll, type Root } from './roots';
import { GENERIC_SELECTORS } from './selectors';
import { signature, type Grid, type GridRow } from './structure';
import { childCells, decoration, hasOwnText, isChip, textOf, unseen } from './text';
import { splitSentence } from './value-patterns';

/**
 * Lists without a header (Twenty, Atomic CRM, shadcn contact lists): sibling
 * rows of one shape (div, li, a, article…), each holding a link to a
 * different record of this site.
 *
 * Rows: the links to records (identity.ts) outside navigation, grouped by the
 * nearest ancestor whose children of one signature hold ≥ 2 of them, each
 * child a different record; a group inside another group's row (a contact's
 * link beside its company's) is not a list. Lists of other things (a deal
 * board) are not customers: the records' paths, or the page's title, must
 * name people or organisations (CUSTOMER_WORDS).
 *
 * Columns: every text of a row, by its place in the row (the path of
 * child positions and shapes), read the same way in every row: a link, an
 * element with text of its own, a chip, or a group of chips ("Returns,
 * Reviewer"). Avatars, badge counts, icons, checkboxes and hidden text are
 * not values. The name column is the record link's.
 *
 * Labels, first found: an icon just before the text (icon-label.ts), the
 * text element's aria-label or title, the sentence it is written in, the
 * same in every row ("last activity 3 days ago" → "last activity", value
 * "3 days ago"), "Status" for the first column of single chips, else
 * "column N" (N its place in the row, the name's counted), which the
 * manager can name in the mapping.
 */

const MAX_ROW_DEPTH = 6;
const LABEL_SAMPLE = 5;
const CUSTOMER_WORDS =
  /custom|client|contact|account|compan|organi[sz]ation|\borgs?\b|lead|people|person|member|partner|shopper|subscriber|patient|客户|联系人|会员|顾客/i;
const NOT_A_PIECE = new Set(['button', 'input', 'select', 'textarea', 'label', 'img', 'svg', 'i', 'script', 'style', 'template']);
const { outsideRecord: OUTSIDE_RECORD, link: LINK } = GENERIC_SELECTORS;

/** A record link's kind: its path without the id ("/contacts/·"), so a row's contact and company links are not two rows. */
const kindOf = (link: Element, id: string) => (link.getAttribute('href') ?? '').split(/[?#]/)[0]!.replace(id, '·');
const oneKind = (rows: ReadonlyMap<Element, string>) => new Set([...rows.values()].map((value) => value.slice(value.indexOf('\u241f')))).size === 1;

interface Candidate {
  container: Element;
  rows: Element[];
}

/** The rows of each container: children of one signature, each holding links to one record. */
function candidates(links: readonly { link: Element; id: string }[]): Candidate[] {
  const byParent = new Map<Element, Map<string, Map<Element, string>>>();
  for (const { link, id } of links) {
    let node: Element = link;
    for (let depth = 0; depth < MAX_ROW_DEPTH; depth++) {
      const parent = node.parentElement;
      if (!parent) break;
      let groups = byParent.get(parent);
      if (!groups) byParent.set(parent, (groups = new Map()));
      const key = signature(node);
      let rows = groups.get(key);
      if (!rows) groups.set(key, (rows = new Map()));
      if (!rows.has(node)) rows.set(node, `${id}\u241f${kindOf(link, id)}`);
      node = parent;
    }
  }
  const found: Candidate[] = [];
  for (const [container, groups] of byParent) {
    for (const rows of groups.values()) {
      if (rows.size < 2 || new Set(rows.values()).size !== rows.size || !oneKind(rows)) continue;
      found.push({ container, rows: [...rows.keys()] });
    }
  }
  // Nested candidates: the one with more rows is the list (a row's two links, or two lists' cards, are not); on a tie, the outer.
  return found.filter(
    (one) =>
      !found.some(
        (other) =>
          other !== one &&
          nests(one, other) &&
          (other.rows.length > one.rows.length || (other.rows.length === one.rows.length && other.container.contains(one.container))),
      ),
  );
}

const nests = (a: Candidate, b: Candidate) => a.container.contains(b.container) || b.container.contains(a.container);

interface Piece {
  key: string;
  el: Element;
}

function piecesOf(el: Element, path: string, out: Piece[]): void {
  let index = 0;
  for (const child of childCells(el)) {
    const key = `${path}/${signature(child)}:${index++}`;
    if (NOT_A_PIECE.has(child.localName) || unseen(child) || decoration(child) || isIcon(child) || child.getAttribute('role') === 'checkbox') continue;
    const chips = childCells(child);
    if (child.localName === 'a' || hasOwnText(child) || isChip(child) || (chips.length >= 2 && chips.every(isChip))) out.push({ key, el: child });
    else piecesOf(child, key, out);
  }
}

/** The label an icon right before the text gives, or the text element's own aria-label / title. */
function attributeLabel(el: Element, text: string): string | null {
  const before = el.previousElementSibling;
  const icon = before && isIcon(before) ? iconLabel(before) : null;
  if (icon) return icon;
  const own = el.getAttribute('aria-label') ?? el.getAttribute('title');
  return own && own.trim() !== '' && own.trim() !== text ? own.trim() : null;
}

interface Column {
  label: string;
  prefix?: string;
}

function columnOf(cells: readonly Element[], position: number): Column {
  const sample = cells.slice(0, LABEL_SAMPLE);
  const texts = sample.map(textOf);
  const attribute = attributeLabel(sample[0]!, texts[0]!);
  if (attribute) return { label: attribute };
  const sentences = texts.map(splitSentence);
  const first = sentences[0];
  if (first && sentences.every((sentence) => sentence?.label.toLowerCase() === first.label.toLowerCase())) return { label: first.label, prefix: first.label };
  return { label: `column ${position + 1}` };
}

function asList(candidate: Candidate): CustomerList | null {
  const keys: string[] = [];
  const known = new Set<string>();
  const byRow = candidate.rows.map((row) => {
    const pieces: Piece[] = [];
    if (row.localName === 'a') pieces.push({ key: '', el: row });
    piecesOf(row, '', pieces);
    const cells = new Map<string, Element>();
    for (const piece of pieces) {
      if (cells.has(piece.key)) continue;
      cells.set(piece.key, piece.el);
      if (!known.has(piece.key)) {
        known.add(piece.key);
        keys.push(piece.key);
      }
    }
    return { row, cells };
  });
  const rows: GridRow[] = byRow.map(({ row, cells }) => ({ element: row, parts: [row], cells: keys.map((key) => cells.get(key)) }));
  // The name: the column of record links (the rows' own link when the whole row is one).
  const nameColumn = keys.findIndex((_, column) => rows.some((row) => row.cells[column]?.localName === 'a' && row.cells[column] !== row.element));
  const name = nameColumn >= 0 ? nameColumn : keys.indexOf('');
  if (name < 0) return null;
  // A column of single chips with no other label is the record's status, as on its detail page
  // (title-chips.ts): "Status", the product field; only the first such column, labels stay unique.
  let statusTaken = false;
  const columns = keys.map((_, column): Column => {
    if (column === name) return { label: '' };
    const cells = rows.map((row) => row.cells[column]).filter((cell): cell is Element => cell !== undefined);
    const found = columnOf(cells, column);
    if (statusTaken || !found.label.startsWith('column ') || !cells.every(isChip)) return found;
    statusTaken = true;
    return { label: 'Status' };
  });
  const grid: Grid = {
    kind: 'div',
    container: candidate.container,
    headers: columns.map((column) => column.label),
    prefixes: columns.map((column) => column.prefix ?? ''),
    rows: () => rows,
  };
  return { grid, reading: { known: 0, nameColumn: name }, rows };
}

function customerish(candidate: Candidate, links: ReadonlyMap<Element, string>, doc: Document): boolean {
  let named = 0;
  for (const row of candidate.rows) {
    const link = row.localName === 'a' ? row : row.querySelector(LINK);
    const href = link ? links.get(link) : undefined;
    if (href !== undefined && CUSTOMER_WORDS.test(href.split(/[?#]/)[0]!)) named++;
  }
  return named * 2 >= candidate.rows.length || CUSTOMER_WORDS.test(doc.title);
}

export function findHeaderlessLists(roots: readonly Root[], page: Document, url: URL): CustomerList[] {
  const links: { link: Element; id: string }[] = [];
  const hrefs = new Map<Element, string>();
  for (const link of queryAll(roots, LINK)) {
    if (link.closest(OUTSIDE_RECORD)) continue;
    const href = link.getAttribute('href')!;
    const id = recordIdFromUrl(href, baseUrlOf(link, page, url));
    if (id === null) continue;
    links.push({ link, id });
    hrefs.set(link, href);
  }
  if (links.length < 2) return [];
  const lists: CustomerList[] = [];
  for (const candidate of candidates(links)) {
    if (!customerish(candidate, hrefs, page)) continue;
    const list = asList(candidate);
    if (list) lists.push(list);
  }
  return lists;
}
