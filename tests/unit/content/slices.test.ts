import { describe, expect, it } from 'vitest';
import { runInSlices } from '@/lib/content/slices';

/** A clock that each unit of work advances by `unitMs`. */
function work(units: number, unitMs: number) {
  let clock = 0;
  let done = 0;
  const slices: number[] = [];
  let current = 0;
  return {
    now: () => clock,
    step: () => {
      clock += unitMs;
      done++;
      current++;
      return done < units;
    },
    nextSlice: async () => {
      slices.push(current);
      current = 0;
    },
    slices,
    done: () => done,
    last: () => current,
  };
}

describe('runInSlices', () => {
  it('runs every unit, at most a budget’s worth per slice', async () => {
    const w = work(23, 1);
    expect(await runInSlices(w.step, { budgetMs: 5, now: w.now, nextSlice: w.nextSlice })).toBe(true);
    expect(w.done()).toBe(23);
    expect([...w.slices, w.last()]).toEqual([5, 5, 5, 5, 3]);
  });
  it('runs one unit per slice when a unit is longer than the budget', async () => {
    const w = work(3, 8);
    await runInSlices(w.step, { budgetMs: 5, now: w.now, nextSlice: w.nextSlice });
    expect([...w.slices, w.last()]).toEqual([1, 1, 1]);
  });
  it('stops between units when asked, and says it did not finish', async () => {
    const w = work(100, 1);
    expect(await runInSlices(w.step, { budgetMs: 5, now: w.now, nextSlice: w.nextSlice, stop: () => w.done() >= 12 })).toBe(false);
    expect(w.done()).toBe(12);
  });
});
