/**
 * The rows on screen now, found without looking at every row: rows come in
 * page order, which is top-to-bottom order in lists and grids (virtualised
 * grids included), so a binary search finds the first row whose bottom is
 * below the viewport's top and the walk stops at the first row below its
 * bottom. Rows in a same-origin frame are measured against that frame's
 * window. A list out of order only makes some on-screen rows wait for the
 * idle reading, never lost. Reading a row's box costs no layout after the
 * browser has painted (when the scanner runs).
 */
export const MAX_VISIBLE_ROWS = 200;

const viewportHeight = (row: Element) => row.ownerDocument.defaultView?.innerHeight ?? 0;

export function visibleRows(rows: readonly Element[], max = MAX_VISIBLE_ROWS): Element[] {
  if (rows.length === 0) return [];
  const height = viewportHeight(rows[0]!);
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid]!.getBoundingClientRect().bottom <= 0) low = mid + 1;
    else high = mid;
  }
  const visible: Element[] = [];
  for (let i = low; i < rows.length && visible.length < max; i++) {
    const box = rows[i]!.getBoundingClientRect();
    if (box.top >= height) break;
    if (box.height > 0 || box.width > 0) visible.push(rows[i]!);
  }
  return visible;
}
