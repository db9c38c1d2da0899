/**
 * Which rows of a list are on screen, without looking at every row: a list's
 * rows are laid out top to bottom, so two binary searches over their boxes
 * find the first row whose bottom is below the viewport's top and the first
 * whose top is below the viewport's bottom. Called after the CRM's frame is
 * painted, when reading boxes costs no layout (lib/content/scanner.ts).
 */
export interface RowSpan {
  top: number;
  bottom: number;
}

/** [from, to): the rows between 0 and `viewportHeight` (viewport coordinates); from = to when none is. */
export function visibleRows(count: number, spanOf: (index: number) => RowSpan, viewportHeight: number): [number, number] {
  const firstWhere = (test: (index: number) => boolean) => {
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (test(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const from = firstWhere((index) => spanOf(index).bottom > 0);
  const to = firstWhere((index) => index >= from && spanOf(index).top >= viewportHeight);
  return [from, Math.max(from, to)];
}
