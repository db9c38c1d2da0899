import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListPage } from '@/demo/core/list-params';
import type { ShopperListPage } from '@/demo/core/shopper-query';
import type { ShopperDetail } from '@/demo/core/shopper-view';
import type { CustomerDetail } from '@/demo/core/view';
import { parseCliArgs, startDemoServer, type DemoServer } from '@/demo/server';
import { customers, shoppers } from './fixtures';

describe('demo server (in-process, free port)', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, customers: customers(), shoppers: shoppers() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('redirects / to /customers and serves the app shell', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/customers');
    const shell = await fetch(`${server.url}/customers?page=2`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await shell.text();
    expect(html).toContain('<main id="app"');
    expect(html).toContain('src="/app.js"');
    expect((await fetch(`${server.url}/customers/7590-VHVEG`)).status).toBe(200);
    expect((await fetch(`${server.url}/customers/NOPE-0000`)).status).toBe(404);
  });

  it('serves the bundled client and styles', async () => {
    const js = await fetch(`${server.url}/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const code = await js.text();
    expect(code).toContain('crm:rows-rendered');
    expect(code).not.toMatch(/\binnerHTML\b/);
    expect(code.length).toBeLessThan(60_000);
    expect((await fetch(`${server.url}/styles.css`)).status).toBe(200);
  });

  it('answers list queries', async () => {
    const res = await fetch(`${server.url}/api/customers?page=2&size=100&sort=MonthlyCharges&dir=desc&lang=zh`);
    const page = (await res.json()) as ListPage;
    expect(page).toMatchObject({ total: 7043, page: 2, size: 100, sort: 'MonthlyCharges', dir: 'desc' });
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]!.cells.tenure).toMatch(/ 个月$/);
    expect(JSON.stringify(page)).not.toContain('Churn"');
  });

  it('answers detail queries and 404s unknown ids', async () => {
    const detail = (await (await fetch(`${server.url}/api/customers/7590-VHVEG?lang=en`)).json()) as CustomerDetail;
    expect(detail.id).toBe('7590-VHVEG');
    expect(detail.fields.find((f) => f.key === 'MonthlyCharges')?.value).toBe('$29.85');
    expect(detail.activity.length).toBeGreaterThan(0);
    const missing = await fetch(`${server.url}/api/customers/NOPE-0000`);
    expect(missing.status).toBe(404);
  });

  it('exports the known-history CSV as an attachment', async () => {
    const res = await fetch(`${server.url}/api/export.csv`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="customers-history.csv"');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(customers().filter((c) => c.knownHistory).length);
  });

  it('serves the shoppers space’s shell with its nav link active and its data date declared', async () => {
    const list = await fetch(`${server.url}/shoppers?sort=orders&dir=desc`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await list.text();
    expect(html).toContain('<main id="app" class="main" data-crm-today="1997-09-30">');
    expect(html).toMatch(/<a class="active" aria-current="page" href="\/shoppers"/);
    expect(await (await fetch(`${server.url}/customers`)).text()).toContain('data-crm-today="2024-06-30"');
    expect((await fetch(`${server.url}/shoppers/8481`)).status).toBe(200);
    for (const bad of ['99999', '0', '08481', 'abc', '%E0%A4%A']) expect((await fetch(`${server.url}/shoppers/${bad}`)).status, bad).toBe(404);
  });

  it('answers shopper list and detail queries', async () => {
    const page = (await (await fetch(`${server.url}/api/shoppers?size=1000&sort=totalSpend&dir=desc&lang=zh`)).json()) as ShopperListPage;
    expect(page).toMatchObject({ total: 23_570, page: 1, pages: 24, size: 1000, sort: 'totalSpend', dir: 'desc', today: '1997-09-30' });
    expect(page.rows).toHaveLength(1000);
    expect(page.rows[0]!.cells).toMatchObject({ totalSpend: 'US$8,228.40', orders: '81 单', cds: '548' });
    const detail = (await (await fetch(`${server.url}/api/shoppers/8481?lang=en`)).json()) as ShopperDetail;
    expect(detail).toMatchObject({ id: 8481, name: 'Claire Smith', today: '1997-09-30' });
    expect(detail.orders).toHaveLength(8);
    const missing = await fetch(`${server.url}/api/shoppers/99999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', id: '99999' });
  });

  it('exports the order log as of 1997-09-30 as an attachment', async () => {
    const res = await fetch(`${server.url}/api/shoppers/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="cdnow-orders-1997-09-30.csv"');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['customer_id', 'date', 'cds', 'dollars']);
    expect(parsed.data).toHaveLength(47_907);
    expect(parsed.data[1]).toEqual({ customer_id: '2', date: '1997-01-12', cds: '6', dollars: '89.00' });
  });

  it('refuses other methods and unknown paths', async () => {
    expect((await fetch(`${server.url}/api/customers`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});

describe('parseCliArgs', () => {
  it('reads --port and --host in both spellings', () => {
    expect(parseCliArgs([])).toEqual({});
    expect(parseCliArgs(['--port', '5000', '--host=0.0.0.0'])).toEqual({ port: 5000, host: '0.0.0.0' });
    expect(parseCliArgs(['--port=0'])).toEqual({ port: 0 });
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/bad port/);
    expect(() => parseCliArgs(['--verbose'])).toThrow(/unknown argument/);
  });
});
