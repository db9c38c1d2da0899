/**
 * The hidden future of the shoppers space: purchases after 1997-09-30 define
 * who churned, so no page, API answer or export may show any of them. Every
 * date written in any format the CRM uses is found and checked.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopperListPage } from '@/demo/core/shopper-query';
import type { ShopperDetail } from '@/demo/core/shopper-view';
import { CDNOW_CSV_PATH } from '@/demo/data';
import { startDemoServer, type DemoServer } from '@/demo/server';

const CUT_OFF = '1997-09-30';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const iso = (y: string, m: number, d: string) => `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Every date in `text`, as ISO: 1997-09-30, Sep 30, 1997, 30 Sep 1997, 1997年9月30日. */
function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) out.push(`${m[1]}-${m[2]}-${m[3]}`);
  for (const m of text.matchAll(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})\b/g))
    out.push(iso(m[3]!, MONTHS.indexOf(m[1]!) + 1, m[2]!));
  for (const m of text.matchAll(/\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g))
    out.push(iso(m[3]!, MONTHS.indexOf(m[2]!) + 1, m[1]!));
  for (const m of text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) out.push(iso(m[1]!, Number(m[2]), m[3]!));
  return out;
}

/** Shoppers with purchases after the cut-off, read straight from the CSV (not through the CRM's parser). */
function shoppersWithAFuture(): Map<string, string[]> {
  const future = new Map<string, string[]>();
  for (const line of readFileSync(CDNOW_CSV_PATH, 'utf8').split('\n').slice(1)) {
    const [id, date] = line.split(',');
    if (!id || !date || date <= CUT_OFF) continue;
    future.set(id, [...(future.get(id) ?? []), date]);
  }
  return future;
}

describe('datesIn (the checker itself)', () => {
  it('finds dates in every format the CRM writes, and only dates', () => {
    expect(datesIn('1997-10-01, Oct 1, 1997; 1 Oct 1997 / 1997年10月1日')).toEqual(['1997-10-01', '1997-10-01', '1997-10-01', '1997-10-01']);
    expect(datesIn('$1,998.00 · 12 days ago · 12天前 · shopper 19981')).toEqual([]);
  });
});

describe('shoppers space: nothing after 1997-09-30 leaves the server', () => {
  let server: DemoServer;
  const future = shoppersWithAFuture();
  const texts: { where: string; text: string }[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      texts.push({ where: path, text });
      return { res, text };
    };
    for (const lang of ['en', 'zh']) {
      for (const sort of ['', '&sort=lastPurchase&dir=desc']) {
        const first = JSON.parse((await get(`/api/shoppers?size=1000&lang=${lang}${sort}`)).text) as ShopperListPage;
        for (let page = 2; page <= first.pages; page += 1) await get(`/api/shoppers?size=1000&page=${page}&lang=${lang}${sort}`);
      }
      // Every shopper with later purchases is worth a detail request; 400 of the 7,058 keep the test quick.
      for (const id of [...future.keys()].filter((_, i) => i % 17 === 0).slice(0, 400)) await get(`/api/shoppers/${id}?lang=${lang}`);
    }
    await get('/api/shoppers/export.csv');
    await get('/shoppers');
    await get('/shoppers/8481');
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('has shoppers with a hidden future to check against', () => {
    expect(future.size).toBe(7_058);
    expect(future.get('8481')).toEqual(['1997-11-06', '1998-03-21', '1998-04-07', '1998-05-05']);
  });

  it('shows no date after the cut-off in any list page, detail answer, page shell or the export', () => {
    let found = 0;
    const late: string[] = [];
    for (const { where, text } of texts) {
      for (const date of datesIn(text)) {
        found += 1;
        if (date > CUT_OFF) late.push(`${where}: ${date}`);
      }
    }
    expect(late).toEqual([]);
    // 47,907 orders in the export alone, plus two dates per list row and one per order in each detail.
    expect(found).toBeGreaterThan(200_000);
  });

  it('counts only the orders up to the cut-off for shoppers who bought again later', async () => {
    const detail = (await (await fetch(`${server.url}/api/shoppers/8481?lang=en`)).json()) as ShopperDetail;
    expect(detail.orders.map((o) => o.date)).toEqual([
      '1997-09-25',
      '1997-09-04',
      '1997-07-18',
      '1997-07-07',
      '1997-05-30',
      '1997-05-09',
      '1997-03-09',
      '1997-02-01',
    ]);
    expect(detail.fields.find((f) => f.key === 'orders')!.value).toBe('8');
  });

  it('never writes a relative date in the future', () => {
    const relative = texts.flatMap(({ text }) => [...text.matchAll(/"lastPurchase":"([^"]*)"/g)].map((m) => m[1]!));
    expect(relative.length).toBeGreaterThan(90_000);
    for (const text of new Set(relative)) expect(text).toMatch(/^(today|yesterday|\d+ days ago|今天|昨天|\d+天前|1997-\d{2}-\d{2})$/);
  });
});
