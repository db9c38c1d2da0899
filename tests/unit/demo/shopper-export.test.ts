import { describe, expect, it } from 'vitest';
import { centsText, ORDER_EXPORT_FILE_NAME, orderLogCsv } from '@/demo/core/shopper-export';
import { toShopper } from '@/demo/core/shoppers';
import { shoppers } from './fixtures';

describe('orderLogCsv', () => {
  it('writes one CRLF line per order with the data set’s id and raw numbers', () => {
    const a = toShopper(
      3,
      [
        { date: '1997-01-02', cds: 2, cents: 2076 },
        { date: '1997-04-02', cds: 2, cents: 1954 },
      ],
      0,
    );
    const b = toShopper(10, [{ date: '1997-02-01', cds: 1, cents: 0 }], 1);
    expect(orderLogCsv([a, b])).toBe('customer_id,date,cds,dollars\r\n3,1997-01-02,2,20.76\r\n3,1997-04-02,2,19.54\r\n10,1997-02-01,1,0.00');
    expect(orderLogCsv([])).toBe('customer_id,date,cds,dollars');
  });

  it('writes cents as dollars with two decimals', () => {
    expect(centsText(1177)).toBe('11.77');
    expect(centsText(0)).toBe('0.00');
    expect(centsText(822840)).toBe('8228.40');
    expect(centsText(5)).toBe('0.05');
  });

  it('exports the bundled book as of 1997-09-30: 47,907 orders, merged per day, none later', () => {
    const lines = orderLogCsv(shoppers()).split('\r\n');
    expect(ORDER_EXPORT_FILE_NAME).toBe('cdnow-orders-1997-09-30.csv');
    expect(lines).toHaveLength(1 + 47_907);
    expect(lines.slice(0, 4)).toEqual(['customer_id,date,cds,dollars', '1,1997-01-01,1,11.77', '2,1997-01-12,6,89.00', '3,1997-01-02,2,20.76']);
    expect(lines.filter((l) => l.startsWith('3,'))).toEqual(['3,1997-01-02,2,20.76', '3,1997-03-30,2,20.76', '3,1997-04-02,2,19.54']);
    const dates = lines.slice(1).map((l) => l.split(',')[1]!);
    expect(dates.every((d) => d >= '1997-01-01' && d <= '1997-09-30')).toBe(true);
    expect(new Set(lines.slice(1).map((l) => l.split(',').slice(0, 2).join())).size).toBe(47_907);
  });
});
