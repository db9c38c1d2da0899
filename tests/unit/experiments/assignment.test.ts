import { describe, expect, it } from 'vitest';
import { armOf, assignmentUnit, fmix32, fnv1a32 } from '@/lib/experiments/assignment';
import { customerKey } from '@/lib/db/customer-key';

describe('deterministic assignment', () => {
  it('uses FNV-1a and fmix32 as published (so any browser computes the same)', () => {
    // FNV-1a 32-bit test vectors (Fowler/Noll/Vo reference test suite).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // fmix32 fixes 0 and maps 1 as MurmurHash3's reference implementation does.
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });
  it('pins the arms of known customers: changing the hash would reshuffle running experiments', () => {
    const key = customerKey('http://127.0.0.1:4178', '7590-VHVEG');
    expect(assignmentUnit('exp-1', key)).toBe(fmix32(fnv1a32(`exp-1\u0000${key}`)) / 2 ** 32);
    const arms = ['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008'].map((id) =>
      armOf('exp-golden', customerKey('https://crm.example.com', id), 0.5),
    );
    expect(arms).toEqual(['control', 'control', 'treatment', 'control', 'control', 'control', 'treatment', 'treatment']);
  });
  it('gives the same arm every time and a different shuffle per experiment', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => customerKey('https://crm.example.com', `C-${i}`));
    const a = keys.map((k) => armOf('exp-a', k, 0.5));
    expect(keys.map((k) => armOf('exp-a', k, 0.5))).toEqual(a);
    const b = keys.map((k) => armOf('exp-b', k, 0.5));
    const agree = a.filter((arm, i) => arm === b[i]).length;
    expect(agree).toBeGreaterThan(430);
    expect(agree).toBeLessThan(570);
  });
  it('is balanced on 100,000 sequential keys (χ² tests at α = 0.01)', () => {
    const n = 100_000;
    const buckets = new Array<number>(10).fill(0);
    let control = 0;
    for (let i = 0; i < n; i++) {
      const key = customerKey('https://crm.example.com', `C-${100000 + i}`);
      const u = assignmentUnit('retention-offer-2026-12', key);
      buckets[Math.floor(u * 10)]!++;
      if (armOf('retention-offer-2026-12', key, 0.1) === 'control') control++;
    }
    // 10 % control: χ² with 1 degree of freedom against 10,000 / 90,000; critical value 6.635.
    const chi1 = (control - 10_000) ** 2 / 10_000 + (n - control - 90_000) ** 2 / 90_000;
    expect(chi1).toBeLessThan(6.635);
    // Uniform positions: χ² over ten deciles, 9 degrees of freedom; critical value 21.666.
    const chi9 = buckets.reduce((sum, count) => sum + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chi9).toBeLessThan(21.666);
  });
});

describe('FNV-1a over UTF-8', () => {
  it('hashes non-ASCII keys as their UTF-8 bytes (same as hashing TextEncoder output)', () => {
    const reference = (text: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
      return hash >>> 0;
    };
    for (const text of ['客户-王芳', 'Ünïcødé', '😀 emoji', 'lone \ud800 surrogate', 'ß€']) expect(fnv1a32(text)).toBe(reference(text));
  });
});
