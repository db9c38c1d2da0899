import { describe, expect, it } from 'vitest';
import { shopperDetail, shopperFieldText, shopperListRow } from '@/demo/core/shopper-view';
import { shoppers } from './fixtures';

const byId = (id: number) => shoppers().find((s) => s.id === id)!;

describe('shopper views', () => {
  it('detail: the nine fields in order and the orders newest first (shopper 8481, worked out from the CSV)', () => {
    const detail = shopperDetail(byId(8481), '1997-09-30', 'en');
    expect(detail.id).toBe(8481);
    expect(detail.today).toBe('1997-09-30');
    expect(detail.fields.map((f) => [f.label, f.value])).toEqual([
      ['Shopper ID', '8481'],
      ['First purchase', 'Feb 1, 1997'],
      ['Last purchase', 'Sep 25, 1997'],
      ['Orders', '8'],
      ['CDs bought', '68'],
      ['Total spend', '$1,019.35'],
      ['Average order', '$127.42'],
      ['Owner', 'James Carter'],
      ['Region', 'West'],
    ]);
    expect(detail.orders.slice(0, 2)).toEqual([
      { date: '1997-09-25', cds: '10', amount: '$137.90' },
      { date: '1997-09-04', cds: '11', amount: '$159.65' },
    ]);
    expect(detail.orders.at(-1)).toEqual({ date: '1997-02-01', cds: '10', amount: '$147.07' });
  });

  it('detail in zh: Chinese labels, 单, US$ and Chinese dates', () => {
    const detail = shopperDetail(byId(10603), '1997-09-30', 'zh');
    expect(detail.name).toBe('邓春生');
    expect(Object.fromEntries(detail.fields.map((f) => [f.key, f.value]))).toEqual({
      shopperId: '10603',
      firstPurchase: '1997年2月8日',
      lastPurchase: '1997年9月18日',
      orders: '9 单',
      cds: '56',
      totalSpend: 'US$1,162.76',
      averageOrder: 'US$129.20',
      owner: '赵强',
      region: '东北部',
    });
    expect(detail.fields[0]!.label).toBe('顾客编号');
    expect(detail.orders[0]).toEqual({ date: '1997-09-18', cds: '5', amount: 'US$440.45' });
  });

  it('list row: the last purchase relative to today, its ISO date alongside', () => {
    expect(shopperListRow(byId(4), '1997-09-30', 'zh')).toEqual({
      id: 4,
      lastPurchase: '1997-08-02',
      cells: {
        name: shopperFieldText(byId(4), 'name', 'zh'),
        firstPurchase: '1997年1月1日',
        lastPurchase: '59天前',
        orders: '3 单',
        cds: '5',
        totalSpend: 'US$74.02',
        averageOrder: 'US$24.67',
        owner: shopperFieldText(byId(4), 'owner', 'zh'),
      },
    });
  });
});
