/** How far up from a changed node its row is looked for (a cell's text sits a few levels below the row). */
const MAX_DEPTH = 16;

/**
 * The rows a batch of the CRM's changes touched (`rowOf` knows the rows of
 * the list read last), or null when a change is outside every known row: rows
 * added, removed or re-rendered, or another part of the page, and the page
 * must be read again as a whole. A live column rewritten every 100 ms on a
 * 10,000-row list then costs the rows it rewrites, not the list.
 */
export function changedRows(nodes: Iterable<Node>, rowOf: (el: Element) => number | undefined): Set<number> | null {
  const rows = new Set<number>();
  for (const changed of nodes) {
    let node: Node | null = changed;
    let row: number | undefined;
    for (let depth = 0; node !== null && depth < MAX_DEPTH && row === undefined; depth++) {
      if (node.nodeType === 1) row = rowOf(node as Element);
      // A shadow root's parent is its host (a cell's component).
      node = node.parentNode ?? (node as ShadowRoot).host ?? null;
    }
    if (row === undefined) return null;
    rows.add(row);
  }
  return rows;
}
