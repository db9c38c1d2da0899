import { describe, expect, it } from 'vitest';
import { stratifiedKFold } from '@/lib/model/cv';
import { deriveSeed, mulberry32, shuffleInPlace } from '@/lib/model/prng';

describe('mulberry32', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('is roughly uniform', () => {
    const r = mulberry32(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(r() * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s1 = shuffleInPlace([...items], mulberry32(1));
    const s2 = shuffleInPlace([...items], mulberry32(1));
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(42, 2));
  });
});

describe('stratifiedKFold', () => {
  // 1,000 rows, 27 % positive, positives spread unevenly through the file.
  const labels = Array.from({ length: 1000 }, (_, i) => (i < 200 || i % 10 === 3 ? 1 : 0));
  const positives = labels.filter((v) => v === 1).length;
  const folds = stratifiedKFold(labels, 5, 42);

  it('puts every row in exactly one test fold, and train = the rest', () => {
    const seen = new Array(labels.length).fill(0);
    for (const f of folds) {
      for (const i of f.test) seen[i]++;
      expect(f.train.length + f.test.length).toBe(labels.length);
      const test = new Set(f.test);
      expect(f.train.some((i) => test.has(i))).toBe(false);
    }
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('keeps the class ratio in every fold (within one row)', () => {
    for (const f of folds) {
      const pos = f.test.filter((i) => labels[i] === 1).length;
      expect(Math.abs(pos - positives / 5)).toBeLessThanOrEqual(1);
      expect(Math.abs(f.test.length - labels.length / 5)).toBeLessThanOrEqual(1);
    }
  });

  it('is reproducible from the seed and shuffles (folds are not file order)', () => {
    expect(stratifiedKFold(labels, 5, 42)).toEqual(folds);
    expect(stratifiedKFold(labels, 5, 43)).not.toEqual(folds);
    expect(folds[0]!.test.slice(0, 10)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses impossible splits with a clear message', () => {
    expect(() => stratifiedKFold([1, 0, 0, 0, 0, 0], 2, 1)).toThrow(/class 1 has only 1 row/);
    expect(() => stratifiedKFold([1, 0], 1, 1)).toThrow(/≥ 2/);
  });
});
