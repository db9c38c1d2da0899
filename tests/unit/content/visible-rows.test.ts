import { describe, expect, it } from 'vitest';
import { visibleRows } from '@/lib/content/visible-rows';

/** Rows of `height` px from `top` (viewport coordinates: negative once scrolled past). */
const laidOut = (top: number, height: number) => (index: number) => ({ top: top + index * height, bottom: top + (index + 1) * height });

describe('visibleRows', () => {
  it('finds the rows between the viewport’s top and bottom', () => {
    // 1,000 rows of 30 px under a 200 px header, in a 900 px viewport: rows 0..23 show (row 23 from 890 to 920).
    expect(visibleRows(1000, laidOut(200, 30), 900)).toEqual([0, 24]);
  });
  it('after scrolling: the rows now on screen, a row cut at the top included', () => {
    // Scrolled 3,015 px: row 100 spans -15..15, row 130 885..915 (both cut, both shown).
    expect(visibleRows(1000, laidOut(-3015, 30), 900)).toEqual([100, 131]);
  });
  it('is empty when the list is below or above the viewport, or hidden', () => {
    expect(visibleRows(50, laidOut(1200, 30), 900)).toEqual([0, 0]);
    expect(visibleRows(50, laidOut(-5000, 30), 900)).toEqual([50, 50]);
    expect(visibleRows(50, () => ({ top: 0, bottom: 0 }), 900)).toEqual([50, 50]);
  });
  it('reads about log2(n) boxes, not every row', () => {
    let reads = 0;
    const spans = laidOut(0, 30);
    visibleRows(10_000, (index) => (reads++, spans(index)), 900);
    expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_001)));
  });
});
