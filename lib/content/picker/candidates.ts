import { findCustomerLists } from '@/lib/adapters/generic/find-lists';
import { findPairs } from '@/lib/adapters/generic/read-detail';
import { recordIdFromUrl } from '@/lib/adapters/generic/identity';
import { collectRoots, type Root } from '@/lib/adapters/generic/roots';
import { textOf } from '@/lib/adapters/generic/text';

/** A value on the page the manager can pick, with the label the generic adapter reads it under. */
export interface Candidate {
  label: string;
  value: string;
  element: Element;
}

/** A pickable element's label, and its value when it was read already (detail pairs); list cells are read when picked. */
interface Pickable {
  label: string;
  value?: string;
}

/**
 * Every pickable value of the page, by element: list cells under their
 * column header, and detail values beside their label — found by the same
 * code that extracts customers, so a picked label is the label the product
 * stores. Reads the document, its open shadow roots and same-origin frames.
 * Detail pairs are looked for only where extraction looks for them (no list,
 * or a URL naming a record): on a 1,000-row list the pair readers' walk of
 * the page is what would make starting the picker a long task.
 */
export function pickerCandidates(doc: Document, url: URL | null = null): { candidates: Map<Element, Pickable>; roots: Root[] } {
  const roots = collectRoots(doc);
  const candidates = new Map<Element, Pickable>();
  const lists = findCustomerLists(roots);
  for (const list of lists) {
    const headers = list.grid.headers;
    for (const row of list.rows) {
      const cells = row.cells;
      for (let column = 0; column < cells.length; column++) {
        const cell = cells[column];
        const label = headers[column];
        if (cell && label) candidates.set(cell, { label });
      }
    }
  }
  if (lists.length === 0 || (url !== null && recordIdFromUrl(url.href, url) !== null)) {
    for (const pair of findPairs(
      roots,
      lists.map((list) => list.grid.container),
    )) {
      if (!candidates.has(pair.valueEl)) candidates.set(pair.valueEl, { label: pair.label, value: pair.value });
    }
  }
  return { candidates, roots };
}

/** The candidate an event hit: the innermost element of its composed path (through open shadow roots) that is one. */
export function candidateAt(path: readonly EventTarget[], candidates: ReadonlyMap<Element, Pickable>): Candidate | null {
  for (const target of path) {
    const hit = candidates.get(target as Element);
    if (hit) return { label: hit.label, value: hit.value ?? textOf(target as Element), element: target as Element };
  }
  return null;
}

/** The element's box in the top window's viewport, across same-origin frames. */
export function boxInTop(el: Element): { left: number; top: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  let left = r.left;
  let top = r.top;
  for (let win: Window | null = el.ownerDocument.defaultView; win && win !== win.parent; win = win.parent) {
    const frame = win.frameElement;
    if (!frame) break;
    const f = frame.getBoundingClientRect();
    left += f.left + frame.clientLeft;
    top += f.top + frame.clientTop;
  }
  return { left, top, width: r.width, height: r.height };
}
