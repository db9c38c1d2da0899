import { describe, expect, it } from 'vitest';
import { listQueryString } from '@/demo/core/list-params';
import { parseShopperListParams, ShopperDirectory, type ShopperListParams } from '@/demo/core/shopper-query';
import { toShopper } from '@/demo/core/shoppers';
import { shoppers } from './fixtures';

const params = (p: Partial<ShopperListParams> = {}): ShopperListParams => ({ ...parseShopperListParams(''), ...p });

describe('parseShopperListParams', () => {
  it('accepts the shopper columns as sort keys and nothing else', () => {
    expect(parseShopperListParams('sort=totalSpend&dir=desc&size=1000&page=3&q=smith')).toEqual({
      page: 3,
      size: 1000,
      sort: 'totalSpend',
      dir: 'desc',
      q: 'smith',
    });
    expect(parseShopperListParams('sort=MonthlyCharges').sort).toBeNull();
    expect(parseShopperListParams('sort=lastPurchase').sort).toBe('lastPurchase');
    expect(listQueryString(parseShopperListParams('sort=orders&dir=asc'))).toBe('sort=orders&dir=asc');
  });
});

describe('ShopperDirectory.list', () => {
  const all = shoppers();
  const directory = new ShopperDirectory(all);

  it('pages in customer id order by default, with the CRM today', () => {
    const page = directory.list(params(), 'en');
    expect(page).toMatchObject({ total: 23_570, page: 1, pages: 472, size: 50, sort: null, dir: 'asc', q: '', today: '1997-09-30' });
    expect(page.rows.map((r) => r.id).slice(0, 3)).toEqual([1, 2, 3]);
    expect(page.rows[0]).toEqual({
      id: 1,
      lastPurchase: '1997-01-01',
      cells: {
        name: 'Frank Robinson',
        firstPurchase: 'Jan 1, 1997',
        lastPurchase: '272 days ago',
        orders: '1',
        cds: '1',
        totalSpend: '$11.77',
        averageOrder: '$11.77',
        owner: 'Maria Lopez',
      },
    });
  });

  it('serves up to 1,000 rows and clamps the page to the last one', () => {
    expect(directory.list(params({ size: 1000 }), 'en').rows).toHaveLength(1000);
    const last = directory.list(params({ size: 1000, page: 99 }), 'en');
    expect(last).toMatchObject({ page: 24, pages: 24 });
    expect(last.rows).toHaveLength(570);
    expect(last.rows.at(-1)!.id).toBe(23_570);
  });

  it('sorts numbers and dates numerically, both ways, ties in id order', () => {
    const top = directory.list(params({ sort: 'totalSpend', dir: 'desc', size: 25 }), 'en').rows;
    expect(top[0]!.cells.totalSpend).toBe('$8,228.40');
    const spend = (id: number) => all.find((s) => s.id === id)!.spentCents;
    for (let i = 1; i < top.length; i += 1) expect(spend(top[i - 1]!.id)).toBeGreaterThanOrEqual(spend(top[i]!.id));
    const recent = directory.list(params({ sort: 'lastPurchase', dir: 'desc', size: 100 }), 'en').rows;
    expect(recent[0]!.lastPurchase).toBe('1997-09-30');
    expect(recent[0]!.cells.lastPurchase).toBe('today');
    const sameDay = recent.filter((r) => r.lastPurchase === '1997-09-30').map((r) => r.id);
    expect(sameDay).toEqual([...sameDay].sort((a, b) => a - b));
    const oldest = directory.list(params({ sort: 'lastPurchase', dir: 'asc', size: 3 }), 'en').rows;
    expect(oldest.map((r) => r.cells.lastPurchase)).toEqual(['272 days ago', '272 days ago', '272 days ago']);
    expect(oldest.map((r) => r.id)).toEqual([1, 6, 7]);
  });

  it('sorts names with the locale’s collation', () => {
    const names = directory.list(params({ sort: 'name', size: 200 }), 'en').rows.map((r) => r.cells.name);
    expect(names[0]!.startsWith('Abigail ')).toBe(true);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare));
  });

  it('searches on the displayed name (current locale) or the id', () => {
    const byId = directory.list(params({ q: '8481' }), 'en');
    expect(byId.rows.map((r) => r.id)).toContain(8481);
    expect(byId.rows.every((r) => String(r.id).includes('8481'))).toBe(true);
    const name = directory.list(params(), 'zh').rows[0]!.cells.name;
    const byName = directory.list(params({ q: name, size: 1000 }), 'zh');
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.cells.name.includes(name))).toBe(true);
    expect(directory.list(params({ q: 'no such shopper' }), 'en')).toMatchObject({ total: 0, page: 1, pages: 1, rows: [] });
  });

  it('finds shoppers only by a canonical id', () => {
    expect(directory.get('8481')?.id).toBe(8481);
    for (const bad of ['08481', '8481.0', ' 8481', '99999', '0', 'abc', '']) expect(directory.get(bad), bad).toBeUndefined();
  });

  it('refuses a book with an order after its today', () => {
    const late = toShopper(1, [{ date: '1997-10-01', cds: 1, cents: 100 }], 0);
    expect(() => new ShopperDirectory([late], '1997-09-30')).toThrow(/after 1997-09-30/);
  });
});
