/** The final fit's tree shape and rounds, from the folds' nested early stopping. */
import { describe, expect, it } from 'vitest';
import { chooseFinalTrees } from '@/lib/model/gbt/stages';

const shallow = { maxLeaves: 4, maxDepth: 2 };
const deep = { maxLeaves: 15, maxDepth: 5 };

describe('chooseFinalTrees', () => {
  it('takes the shape most folds chose and the median of their rounds', () => {
    const c = chooseFinalTrees(
      [
        { shape: deep, rounds: 100 },
        { shape: shallow, rounds: 400 },
        { shape: deep, rounds: 140 },
        { shape: deep, rounds: 90 },
        { shape: shallow, rounds: 380 },
      ],
      [shallow, deep],
    );
    expect(c).toEqual({ shape: deep, rounds: 100 });
  });

  it('breaks a tie in votes towards the shape listed first and averages an even median', () => {
    const c = chooseFinalTrees(
      [
        { shape: deep, rounds: 100 },
        { shape: shallow, rounds: 300 },
        { shape: shallow, rounds: 200 },
        { shape: deep, rounds: 50 },
      ],
      [shallow, deep],
    );
    expect(c).toEqual({ shape: shallow, rounds: 250 });
    expect(() => chooseFinalTrees([], [shallow])).toThrow(RangeError);
  });
});
