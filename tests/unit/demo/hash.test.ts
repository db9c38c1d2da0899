import { describe, expect, it } from 'vitest';
import { fnv1a32, isKnownHistory, mulberry32, seedHash } from '@/demo/core/hash';
import { customers } from './fixtures';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes, for ASCII ids and any other text alike', () => {
    const reference = (text: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
      return hash >>> 0;
    };
    for (const text of ['7590-VHVEG', 'cdnow-23570|owner', '王芳', 'a王', 'é', '\u{1F600}x', 'ascii then 中文']) {
      expect(fnv1a32(text), text).toBe(reference(text));
    }
  });

  it('is an unsigned 32-bit integer and deterministic', () => {
    const h = fnv1a32('7590-VHVEG');
    expect(h).toBe(fnv1a32('7590-VHVEG'));
    expect(Number.isInteger(h)).toBe(true);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(2 ** 32);
  });
});

describe('known-history split', () => {
  it('is fnv1a32(customerID) % 100 < 80', () => {
    for (const c of customers().slice(0, 200)) {
      expect(isKnownHistory(c.id)).toBe(fnv1a32(c.id) % 100 < 80);
      expect(c.knownHistory).toBe(isKnownHistory(c.id));
    }
  });

  it('puts about 80 % of the 7,043 customers in known history', () => {
    const all = customers();
    expect(all).toHaveLength(7043);
    const share = all.filter((c) => c.knownHistory).length / all.length;
    expect(share).toBeGreaterThan(0.78);
    expect(share).toBeLessThan(0.82);
  });

  it('keeps the churn rate of both parts close to the data set’s 26.5 %', () => {
    const all = customers();
    const rate = (list: typeof all) => list.filter((c) => c.row.Churn === 'Yes').length / list.length;
    expect(rate(all.filter((c) => c.knownHistory))).toBeCloseTo(0.265, 1);
    expect(rate(all.filter((c) => !c.knownHistory))).toBeCloseTo(0.265, 1);
  });
});

describe('seeded randomness', () => {
  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('seedHash spreads low bits (owner picks do not follow the split)', () => {
    const all = customers();
    const counts = new Array<number>(8).fill(0);
    for (const c of all) counts[seedHash(`${c.id}|owner`) % 8]! += 1;
    for (const n of counts) expect(n / all.length).toBeGreaterThan(0.1);
  });
});
