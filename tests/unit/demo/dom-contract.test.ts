// @vitest-environment happy-dom
/**
 * The DOM the extension's demo adapter reads (see demo/README.md), rendered
 * by the real client views against the real API answers (fetch stubbed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailView } from '@/demo/client/detail-view';
import { ListView } from '@/demo/client/list-view';
import type { App } from '@/demo/client/app';
import type { Locale } from '@/demo/core/i18n';
import { CustomerDirectory, parseListParams } from '@/demo/core/list-query';
import { customerDetail } from '@/demo/core/view';
import { customers } from './fixtures';

const directory = new CustomerDirectory(customers());

function fakeApi(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), 'http://127.0.0.1:4178');
  const locale = (url.searchParams.get('lang') ?? 'en') as Locale;
  const json = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  if (url.pathname === '/api/customers') return json(200, directory.list(parseListParams(url.searchParams), locale));
  const id = decodeURIComponent(url.pathname.replace('/api/customers/', ''));
  const customer = directory.get(id);
  return customer ? json(200, customerDetail(customer, locale)) : json(404, { error: 'not_found' });
}

function fakeApp(locale: Locale): App & { navigated: string[] } {
  const navigated: string[] = [];
  return {
    locale,
    navigated,
    navigate: (href) => navigated.push(href),
    replaceUrl: () => {},
    lastListHref: () => '/customers?page=3',
    rememberListHref: () => {},
  };
}

const FIELDS = ['name', 'segment', 'InternetService', 'Contract', 'MonthlyCharges', 'tenure', 'Status', 'owner'];

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(fakeApi));
  performance.clearMarks();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('list page DOM', () => {
  it('renders table[data-crm=customer-list] with the contract’s rows and cells', async () => {
    const view = new ListView(fakeApp('en'));
    document.body.append(view.root);
    await view.show(parseListParams(''));

    const table = document.querySelector('table[data-crm="customer-list"]')!;
    expect(table).not.toBeNull();
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('data-sort'))).toEqual(FIELDS);
    expect(headers.map((th) => th.textContent)).toEqual(['Name', 'Segment', 'Plan', 'Contract', 'Monthly fee', 'Tenure', 'Status', 'Owner']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(50);
    const first = rows[0]!;
    expect(first.getAttribute('data-customer-id')).toBe('7590-VHVEG');
    expect([...first.querySelectorAll('td')].map((td) => td.getAttribute('data-field'))).toEqual(FIELDS);
    const link = first.querySelector('td[data-field="name"] > a')!;
    expect(link.getAttribute('href')).toBe('/customers/7590-VHVEG');
    const cell = (f: string) => first.querySelector(`td[data-field="${f}"]`)!.textContent;
    expect(cell('InternetService')).toBe('DSL');
    expect(cell('Contract')).toBe('Month-to-month');
    expect(cell('MonthlyCharges')).toBe('$29.85');
    expect(cell('tenure')).toBe('1 month');
    expect(['Active', 'Churned']).toContain(cell('Status'));
    expect(performance.getEntriesByName('crm:rows-rendered')).toHaveLength(1);
  });

  it('renders Chinese chrome and values in zh', async () => {
    const view = new ListView(fakeApp('zh'));
    document.body.append(view.root);
    const phoneOnly = customers().find((c) => c.row.InternetService === 'No')!;
    await view.show(parseListParams(`sort=InternetService&dir=desc&q=${phoneOnly.id}`));
    const headers = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['姓名', '客户群', '套餐', '合同', '月费', '在网时长', '状态', '负责人']);
    const first = document.querySelector('tbody tr')!;
    expect(first.querySelector('td[data-field="InternetService"]')!.textContent).toBe('仅电话');
    expect(first.querySelector('td[data-field="tenure"]')!.textContent).toMatch(/^\d+ 个月$/);
    expect(['活跃', '已流失']).toContain(first.querySelector('td[data-field="Status"]')!.textContent);
    expect(document.querySelector('th[data-sort="InternetService"]')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by clicking a header (asc, then desc) through the URL', async () => {
    const app = fakeApp('en');
    const view = new ListView(app);
    document.body.append(view.root);
    await view.show(parseListParams('page=3'));
    (document.querySelector('th[data-sort="MonthlyCharges"]') as HTMLElement).click();
    expect(app.navigated.at(-1)).toBe('/customers?sort=MonthlyCharges&dir=asc');
    await view.show(parseListParams('sort=MonthlyCharges&dir=asc'));
    (document.querySelector('th[data-sort="MonthlyCharges"]') as HTMLElement).click();
    expect(app.navigated.at(-1)).toBe('/customers?sort=MonthlyCharges&dir=desc');
  });
});

describe('detail page DOM', () => {
  it('renders article[data-crm=customer-detail] with name, fields and activity', async () => {
    const view = new DetailView(fakeApp('en'), '7590-VHVEG');
    document.body.append(view.root);
    await view.show();

    const article = document.querySelector('article[data-crm="customer-detail"]')!;
    expect(article.getAttribute('data-customer-id')).toBe('7590-VHVEG');
    expect(article.querySelector('h1 > span[data-field="name"]')!.textContent).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const pairs = [...article.querySelectorAll('dl > div')].map((div) => ({
      label: div.querySelector('dt')!.textContent,
      key: div.querySelector('dd')!.getAttribute('data-field'),
      value: div.querySelector('dd')!.textContent,
    }));
    expect(pairs.length).toBe(23);
    expect(pairs).toContainEqual({ label: 'Gender', key: 'gender', value: 'Female' });
    expect(pairs).toContainEqual({ label: 'Monthly fee', key: 'MonthlyCharges', value: '$29.85' });
    expect(pairs).toContainEqual({ label: 'Tenure', key: 'tenure', value: '1 month' });
    expect(pairs.map((p) => p.key)).toEqual(expect.arrayContaining(['Status', 'segment', 'owner', 'TotalCharges']));
    expect(pairs.map((p) => p.key)).not.toContain('Churn');
    const items = [...article.querySelectorAll('section[data-crm="activity"] ol > li')];
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      expect(['order', 'ticket', 'note', 'payment', 'call', 'meeting']).toContain(li.getAttribute('data-activity-type'));
      expect(li.getAttribute('data-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(li.querySelector('[data-field]')).toBeNull();
    }
    expect(document.querySelector('a.back')!.getAttribute('href')).toBe('/customers?page=3');
    expect(performance.getEntriesByName('crm:detail-rendered')).toHaveLength(1);
  });

  it('shows the status of tickets and payments beside the type, and only there', async () => {
    const view = new DetailView(fakeApp('en'), '7892-POOKP');
    document.body.append(view.root);
    await view.show();
    const items = [...document.querySelectorAll('section[data-crm="activity"] ol > li')];
    const parts = (li: Element) => [...li.children].map((el) => el.className);
    for (const li of items) {
      const type = li.getAttribute('data-activity-type');
      const withStatus = type === 'ticket' || type === 'payment';
      expect(parts(li), type!).toEqual(
        withStatus ? ['activity-date', 'activity-type', 'activity-status', 'activity-text'] : ['activity-date', 'activity-type', 'activity-text'],
      );
    }
    const returned = items.find((li) => li.querySelector('.activity-status')?.textContent === 'Returned')!;
    expect(returned.querySelector('.activity-date')!.textContent).toBe('Aug 1, 2023');
    expect(returned.querySelector('.activity-type')!.textContent).toBe('Payment');
    expect(items.map((li) => li.getAttribute('data-activity-type'))).toContain('meeting');
  });

  it('renders a clear not-found page for an unknown id', async () => {
    const view = new DetailView(fakeApp('en'), 'NOPE-0000');
    document.body.append(view.root);
    await view.show();
    expect(document.querySelector('article[data-crm="customer-detail"]')).toBeNull();
    const nf = document.querySelector('[data-crm="not-found"]')!;
    expect(nf.querySelector('h1')!.textContent).toBe('Customer not found');
    expect(nf.textContent).toContain('NOPE-0000');
  });
});
