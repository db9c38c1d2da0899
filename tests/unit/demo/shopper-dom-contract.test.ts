// @vitest-environment happy-dom
/**
 * The shoppers space's DOM that the extension's demo adapter reads (see
 * demo/README.md), rendered by the real client views against the real API
 * answers (fetch stubbed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '@/demo/client/app';
import { ShopperDetailView } from '@/demo/client/shopper-detail-view';
import { ShopperListView } from '@/demo/client/shopper-list-view';
import type { Locale } from '@/demo/core/i18n';
import { parseShopperListParams, ShopperDirectory } from '@/demo/core/shopper-query';
import { shoppers } from './fixtures';

const directory = new ShopperDirectory(shoppers());

function fakeApi(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), 'http://127.0.0.1:4178');
  const locale = (url.searchParams.get('lang') ?? 'en') as Locale;
  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  if (url.pathname === '/api/shoppers') return json(200, directory.list(parseShopperListParams(url.searchParams), locale));
  const shopper = directory.get(decodeURIComponent(url.pathname.replace('/api/shoppers/', '')));
  return shopper ? json(200, directory.detail(shopper, locale)) : json(404, { error: 'not_found' });
}

function fakeApp(locale: Locale): App & { navigated: string[]; remembered: [string, string | undefined][] } {
  const navigated: string[] = [];
  const remembered: [string, string | undefined][] = [];
  return {
    locale,
    navigated,
    remembered,
    navigate: (href) => navigated.push(href),
    replaceUrl: () => {},
    lastListHref: (space) => (space === 'shoppers' ? '/shoppers?page=2' : '/customers'),
    rememberListHref: (href, space) => remembered.push([href, space]),
  };
}

const FIELDS = ['name', 'firstPurchase', 'lastPurchase', 'orders', 'cds', 'totalSpend', 'averageOrder', 'owner'];

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(fakeApi));
  performance.clearMarks();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('shopper list DOM', () => {
  it('renders table[data-crm=shopper-list] with tr[data-shopper-id] and td[data-field] cells', async () => {
    const app = fakeApp('en');
    const view = new ShopperListView(app);
    document.body.append(view.root);
    await view.show(parseShopperListParams(''));

    const table = document.querySelector('table[data-crm="shopper-list"]')!;
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('data-sort'))).toEqual(FIELDS);
    expect(headers.map((th) => th.textContent)).toEqual(['Name', 'First purchase', 'Last purchase', 'Orders', 'CDs', 'Total spend', 'Avg. order', 'Owner']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(50);
    const third = rows[2]!;
    expect(third.getAttribute('data-shopper-id')).toBe('3');
    expect([...third.querySelectorAll('td')].map((td) => td.getAttribute('data-field'))).toEqual(FIELDS);
    expect(third.querySelector('td[data-field="name"] > a')!.getAttribute('href')).toBe('/shoppers/3');
    const last = third.querySelector('td[data-field="lastPurchase"]')!;
    expect(last.textContent).toBe('181 days ago');
    expect(last.getAttribute('title')).toBe('Apr 2, 1997');
    expect(last.querySelector('time')!.getAttribute('datetime')).toBe('1997-04-02');
    expect(third.querySelector('td[data-field="totalSpend"]')!.textContent).toBe('$61.06');
    expect(document.querySelector('.page-head .count')!.textContent).toBe('23,570 shoppers');
    expect(document.querySelector('a.btn-primary')!.getAttribute('href')).toBe('/api/shoppers/export.csv');
    expect(performance.getEntriesByName('crm:rows-rendered')).toHaveLength(1);
    expect(app.remembered).toEqual([['/shoppers', 'shoppers']]);
  });

  it('renders Chinese headers and values, and sorts through the /shoppers URL', async () => {
    const app = fakeApp('zh');
    const view = new ShopperListView(app);
    document.body.append(view.root);
    await view.show(parseShopperListParams('sort=lastPurchase&dir=desc'));
    expect([...document.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '姓名',
      '首次购买',
      '最近购买',
      '订单数',
      'CD 数',
      '消费总额',
      '平均订单额',
      '负责人',
    ]);
    const first = document.querySelector('tbody tr')!;
    expect(first.querySelector('td[data-field="lastPurchase"]')!.textContent).toBe('今天');
    expect(first.querySelector('td[data-field="lastPurchase"]')!.getAttribute('title')).toBe('1997年9月30日');
    expect(first.querySelector('td[data-field="orders"]')!.textContent).toMatch(/^\d+ 单$/);
    (document.querySelector('th[data-sort="totalSpend"]') as HTMLElement).click();
    expect(app.navigated.at(-1)).toBe('/shoppers?sort=totalSpend&dir=asc');
  });
});

describe('shopper detail DOM', () => {
  it('renders the article, the field list and the order table rows with their ids', async () => {
    const view = new ShopperDetailView(fakeApp('en'), '8481');
    document.body.append(view.root);
    await view.show();
    const article = document.querySelector('article[data-crm="shopper-detail"]')!;
    expect(article.getAttribute('data-shopper-id')).toBe('8481');
    expect(article.querySelector('h1 > span[data-field="name"]')!.textContent).toBe('Claire Smith');
    const pairs = [...article.querySelectorAll('dl > div')].map((div) => [
      div.querySelector('dt')!.textContent,
      div.querySelector('dd')!.getAttribute('data-field'),
      div.querySelector('dd')!.textContent,
    ]);
    expect(pairs).toHaveLength(9);
    expect(pairs[0]).toEqual(['Shopper ID', 'shopperId', '8481']);
    expect(pairs[5]).toEqual(['Total spend', 'totalSpend', '$1,019.35']);
    const orders = [...article.querySelectorAll('table[data-crm="order-history"] tbody tr[data-activity="order"]')];
    expect(orders).toHaveLength(8);
    expect(orders[1]!.getAttribute('data-activity-id')).toBe('1997-09-04');
    expect([...orders[1]!.querySelectorAll('td')].map((td) => [td.getAttribute('data-field'), td.textContent])).toEqual([
      ['date', 'Sep 4, 1997'],
      ['cds', '11'],
      ['amount', '$159.65'],
    ]);
    expect(orders[1]!.querySelector('time')!.getAttribute('datetime')).toBe('1997-09-04');
    expect(document.querySelector('a.back')!.getAttribute('href')).toBe('/shoppers?page=2');
    expect(performance.getEntriesByName('crm:detail-rendered')).toHaveLength(1);
  });

  it('renders Chinese order dates and US$ amounts', async () => {
    const view = new ShopperDetailView(fakeApp('zh'), '10603');
    document.body.append(view.root);
    await view.show();
    const first = document.querySelector('tr[data-activity="order"]')!;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1997年9月18日', '5', 'US$440.45']);
    expect([...document.querySelectorAll('table[data-crm="order-history"] th')].map((th) => th.textContent)).toEqual(['日期', 'CD 数', '金额']);
  });

  it('renders a clear not-found page for an unknown id', async () => {
    const view = new ShopperDetailView(fakeApp('en'), '99999');
    document.body.append(view.root);
    await view.show();
    expect(document.querySelector('article')).toBeNull();
    const nf = document.querySelector('[data-crm="not-found"]')!;
    expect(nf.querySelector('h1')!.textContent).toBe('Shopper not found');
    expect(nf.textContent).toContain('99999');
  });
});
