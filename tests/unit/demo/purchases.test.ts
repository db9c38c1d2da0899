import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CDNOW_TODAY, isIsoDate, ordersAsOf, parseCdnowCsv, parseCents, type Purchase } from '@/demo/core/purchases';
import { CDNOW_CSV_PATH } from '@/demo/data';

const HEADER = 'customer_id,date,number_of_cds,dollar_value';
const p = (customerId: number, date: string, cds: number, cents: number): Purchase => ({ customerId, date, cds, cents });

describe('parseCents / isIsoDate', () => {
  it('reads plain dollar amounts as exact cents', () => {
    expect(parseCents('11.77')).toBe(1177);
    expect(parseCents('12')).toBe(1200);
    expect(parseCents('0.5')).toBe(50);
    expect(parseCents('0.00')).toBe(0);
    expect(parseCents('1234.05')).toBe(123405);
  });

  it('refuses anything that is not a plain non-negative amount', () => {
    for (const bad of ['', '-1.00', '1.234', '$12.00', '1,234.00', '1e3', ' 12.00', 'abc']) expect(parseCents(bad), bad).toBeNull();
  });

  it('accepts real calendar days only', () => {
    expect(isIsoDate('1997-09-30')).toBe(true);
    expect(isIsoDate('1996-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of ['1997-02-29', '1900-02-29', '1997-09-31', '1997-13-01', '1997-00-10', '1997-9-30', '19970930', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('parseCdnowCsv', () => {
  it('reads the file header and the short header, LF or CRLF', () => {
    expect(parseCdnowCsv(`${HEADER}\n1,1997-01-01,1,11.77\n2,1997-01-12,5,77.00\n`)).toEqual([p(1, '1997-01-01', 1, 1177), p(2, '1997-01-12', 5, 7700)]);
    expect(parseCdnowCsv('customer_id,date,cds,dollars\r\n7,1997-03-02,2,0.00\r\n')).toEqual([p(7, '1997-03-02', 2, 0)]);
    expect(parseCdnowCsv(`${HEADER}\n\n1,1997-01-01,1,11.77\n\n`)).toEqual([p(1, '1997-01-01', 1, 1177)]);
    expect(parseCdnowCsv(HEADER)).toEqual([]);
  });

  it('names the line of a malformed row', () => {
    expect(() => parseCdnowCsv('id,date,cds,dollars\n1,1997-01-01,1,1.00')).toThrow(/unexpected header/);
    expect(() => parseCdnowCsv(`${HEADER}\n1,1997-01-01,1,1.00\n0,1997-01-01,1,1.00`)).toThrow(/line 3: bad customer_id "0"/);
    expect(() => parseCdnowCsv(`${HEADER}\nx,1997-01-01,1,1.00`)).toThrow(/line 2: bad customer_id/);
    expect(() => parseCdnowCsv(`${HEADER}\n1,1997-02-30,1,1.00`)).toThrow(/line 2: bad date "1997-02-30"/);
    expect(() => parseCdnowCsv(`${HEADER}\n1,1997-02-03,1.5,1.00`)).toThrow(/line 2: bad CD count/);
    expect(() => parseCdnowCsv(`${HEADER}\n1,1997-02-03,1,-1.00`)).toThrow(/line 2: bad dollar amount/);
    expect(() => parseCdnowCsv(`${HEADER}\n1,1997-02-03,1`)).toThrow(/line 2 has 3 fields/);
  });

  it('reads the bundled log: 69,659 purchases of 23,570 shoppers, 80 of them $0; 49,086 up to the cut-off, 47,907 orders once merged', () => {
    const purchases = parseCdnowCsv(readFileSync(CDNOW_CSV_PATH, 'utf8'));
    expect(purchases).toHaveLength(69_659);
    expect(new Set(purchases.map((x) => x.customerId)).size).toBe(23_570);
    expect(purchases.filter((x) => x.cents === 0)).toHaveLength(80);
    expect(purchases.filter((x) => x.date <= CDNOW_TODAY)).toHaveLength(49_086);
    expect([...ordersAsOf(purchases).values()].reduce((n, orders) => n + orders.length, 0)).toBe(47_907);
    const days = new Map<string, number>();
    for (const x of purchases) days.set(`${x.customerId}|${x.date}`, (days.get(`${x.customerId}|${x.date}`) ?? 0) + 1);
    expect([...days.values()].filter((n) => n > 1)).toHaveLength(1_774);
    expect(purchases[0]).toEqual(p(1, '1997-01-01', 1, 1177));
    expect(purchases.at(-1)).toEqual(p(23_570, '1997-03-26', 2, 4296));
  });
});

describe('ordersAsOf', () => {
  it('merges the purchases of one shopper on one day (CDs and cents summed), oldest first', () => {
    const orders = ordersAsOf([p(2, '1997-03-01', 1, 1200), p(2, '1997-01-12', 1, 1200), p(2, '1997-01-12', 5, 7700), p(2, '1997-01-12', 0, 1)]);
    expect([...orders]).toEqual([
      [
        2,
        [
          { date: '1997-01-12', cds: 6, cents: 8901 },
          { date: '1997-03-01', cds: 1, cents: 1200 },
        ],
      ],
    ]);
  });

  it('keeps the CRM today and drops everything after it; shoppers with only later purchases are absent', () => {
    const orders = ordersAsOf([p(5, '1997-09-30', 1, 100), p(5, '1997-10-01', 9, 900), p(3, '1998-06-30', 1, 100), p(4, '1997-01-01', 2, 200)]);
    expect([...orders.keys()]).toEqual([4, 5]);
    expect(orders.get(5)).toEqual([{ date: '1997-09-30', cds: 1, cents: 100 }]);
    expect(CDNOW_TODAY).toBe('1997-09-30');
  });

  it('takes another cut-off day when given one', () => {
    const orders = ordersAsOf([p(1, '1997-01-01', 1, 100), p(1, '1997-02-01', 1, 100)], '1997-01-31');
    expect(orders.get(1)).toEqual([{ date: '1997-01-01', cds: 1, cents: 100 }]);
  });

  it('does not change the purchases it merges', () => {
    const input = [p(1, '1997-01-01', 1, 100), p(1, '1997-01-01', 2, 200)];
    ordersAsOf(input);
    expect(input).toEqual([p(1, '1997-01-01', 1, 100), p(1, '1997-01-01', 2, 200)]);
  });
});
