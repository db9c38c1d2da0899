import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../../lib/content/visible-rows';

/** Rows of `height` px stacked from `top` (page order = screen order), in a window `viewport` px tall; counts box reads. */
function rows(count: number, { top = 0, height = 30, viewport = 900 } = {}) {
  const reads = { count: 0 };
  const ownerDocument = { defaultView: { innerHeight: viewport } };
  const list = Array.from({ length: count }, (_, i) => ({
    id: i,
    ownerDocument,
    getBoundingClientRect: () => {
      reads.count++;
      const y = top + i * height;
      return { top: y, bottom: y + height, height, width: 100 };
    },
  }));
  return { list: list as unknown as Element[], reads };
}
const ids = (found: Element[]) => found.map((row) => (row as unknown as { id: number }).id);

describe('visibleRows', () => {
  it('finds the rows on screen at the top of a long list without measuring every row', () => {
    const { list, reads } = rows(10_000);
    expect(ids(visibleRows(list))).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(reads.count).toBeLessThan(60);
  });

  it('finds them after scrolling (rows above the viewport have negative boxes)', () => {
    const { list } = rows(10_000, { top: -30 * 5000 - 15 });
    const found = ids(visibleRows(list));
    expect(found[0]).toBe(5000); // half of it still on screen
    expect(found.at(-1)).toBe(5030);
  });

  it('caps how many it returns, and returns none for a list below the screen or no list', () => {
    expect(visibleRows(rows(1000, { height: 1 }).list, 50)).toHaveLength(50);
    expect(visibleRows(rows(100, { top: 2000 }).list)).toEqual([]);
    expect(visibleRows([])).toEqual([]);
  });
});
