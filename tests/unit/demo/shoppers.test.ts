import { describe, expect, it } from 'vitest';
import { OWNER_COUNT } from '@/demo/core/customers';
import { seedHash } from '@/demo/core/hash';
import type { Purchase } from '@/demo/core/purchases';
import { shopperName } from '@/demo/core/shopper-view';
import { buildShoppers, REGIONS, shopperGender, shopperKey, shopperOwner, shopperRegion, toShopper } from '@/demo/core/shoppers';
import { shoppers } from './fixtures';

const p = (customerId: number, date: string, cds: number, cents: number): Purchase => ({ customerId, date, cds, cents });

describe('toShopper / buildShoppers', () => {
  it('sums a shopper’s orders and rounds the average order to the cent', () => {
    const s = toShopper(
      42,
      [
        { date: '1997-01-05', cds: 2, cents: 1000 },
        { date: '1997-02-05', cds: 1, cents: 1001 },
        { date: '1997-09-30', cds: 4, cents: 0 },
      ],
      7,
    );
    expect(s).toMatchObject({
      id: 42,
      index: 7,
      firstPurchase: '1997-01-05',
      lastPurchase: '1997-09-30',
      orderCount: 3,
      cds: 7,
      spentCents: 2001,
      averageCents: 667,
    });
    expect(() => toShopper(1, [], 0)).toThrow(/no orders/);
  });

  it('builds the book in id order from purchases up to the cut-off', () => {
    const book = buildShoppers([
      p(9, '1997-02-01', 1, 500),
      p(3, '1997-01-01', 1, 100),
      p(3, '1997-01-01', 2, 250),
      p(3, '1997-12-01', 8, 9900),
      p(4, '1998-01-01', 1, 100),
    ]);
    expect(book.map((s) => [s.id, s.index, s.orderCount, s.cds, s.spentCents])).toEqual([
      [3, 0, 1, 3, 350],
      [9, 1, 1, 1, 500],
    ]);
  });

  it('on the bundled data: 23,570 shoppers, 47,907 orders from 49,086 purchases up to 1997-09-30', () => {
    const all = shoppers();
    expect(all).toHaveLength(23_570);
    expect(all.reduce((n, s) => n + s.orderCount, 0)).toBe(47_907);
    expect(all.every((s) => s.lastPurchase <= '1997-09-30' && s.firstPurchase >= '1997-01-01' && s.firstPurchase <= '1997-03-31')).toBe(true);
    // Shopper 2 bought twice on 1997-01-12 (1 CD $12.00, 5 CDs $77.00); shopper 3 also bought in Nov 1997 and May 1998.
    expect(all[1]).toMatchObject({ id: 2, orderCount: 1, cds: 6, spentCents: 8900, lastPurchase: '1997-01-12' });
    expect(all[2]).toMatchObject({ id: 3, orderCount: 3, cds: 6, spentCents: 6106, averageCents: 2035, lastPurchase: '1997-04-02' });
  });
});

describe('seeded shopper attributes', () => {
  it('seed from "cdnow-<id>", so Telco and CDNOW picks never share a seed', () => {
    expect(shopperKey(123)).toBe('cdnow-123');
    expect(shopperOwner(123)).toBe(seedHash('cdnow-123|owner') % OWNER_COUNT);
    expect(shopperGender(123)).toBe(seedHash('cdnow-123|gender') % 2 === 0 ? 'Female' : 'Male');
  });

  it('spread owners, genders and regions over the book in about the intended shares', () => {
    const all = shoppers();
    const share = (f: (s: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    for (let owner = 0; owner < OWNER_COUNT; owner += 1) expect(share((s) => s.owner === owner)).toBeCloseTo(1 / OWNER_COUNT, 1);
    expect(share((s) => s.gender === 'Female')).toBeCloseTo(0.5, 1);
    const regions = Object.fromEntries(REGIONS.map((r) => [r, share((s) => s.region === r)]));
    expect(regions.Northeast).toBeCloseTo(0.17, 1);
    expect(regions.Midwest).toBeCloseTo(0.21, 1);
    expect(regions.South).toBeCloseTo(0.38, 1);
    expect(regions.West).toBeCloseTo(0.24, 1);
    expect(all.every((s) => s.region === shopperRegion(s.id))).toBe(true);
  });

  it('give each shopper a stable name per locale', () => {
    const s = shoppers()[0]!;
    expect(shopperName(s, 'en')).toBe('Frank Robinson');
    expect(shopperName(s, 'zh')).toBe('胡斌');
    expect(
      new Set(
        shoppers()
          .slice(0, 1000)
          .map((x) => shopperName(x, 'en')),
      ).size,
    ).toBeGreaterThan(900);
  });
});
