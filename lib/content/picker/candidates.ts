import { findCustomerLists } from '../../adapters/generic/find-lists';
import { findPairs } from '../../adapters/generic/read-detail';
import { collectRoots, type Root } from '../../adapters/generic/roots';
import { textOf } from '../../adapters/generic/text';

/** A value on the page the manager can pick, with the label the generic adapter reads it under. */
export interface Candidate {
  label: string;
  value: string;
  element: Element;
}

/**
 * Every pickable value of the page, by element: list cells under their
 * column header, and detail values beside their label — found by the same
 * code that extracts customers, so a picked label is the label the product
 * stores. Reads the document, its open shadow roots and same-origin frames.
 */
export function pickerCandidates(doc: Document): { candidates: Map<Element, Candidate>; roots: Root[] } {
  const roots = collectRoots(doc);
  const candidates = new Map<Element, Candidate>();
  for (const list of findCustomerLists(roots)) {
    const headers = list.grid.headers;
    for (const row of list.rows) {
      row.cells.forEach((cell, column) => {
        const label = headers[column];
        if (cell && label) candidates.set(cell, { label, value: textOf(cell), element: cell });
      });
    }
  }
  for (const pair of findPairs(roots, [])) {
    if (!candidates.has(pair.valueEl)) candidates.set(pair.valueEl, { label: pair.label, value: pair.value, element: pair.valueEl });
  }
  return { candidates, roots };
}

/** The candidate an event hit: the innermost element of its composed path (through open shadow roots) that is one. */
export function candidateAt(path: readonly EventTarget[], candidates: ReadonlyMap<Element, Candidate>): Candidate | null {
  for (const target of path) {
    const hit = candidates.get(target as Element);
    if (hit) return hit;
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
