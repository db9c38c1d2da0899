import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListPage } from '../../../demo/core/list-params';
import type { CustomerDetail } from '../../../demo/core/view';
import { parseCliArgs, startDemoServer, type DemoServer } from '../../../demo/server';
import { customers } from './fixtures';

describe('demo server (in-process, free port)', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startDemoServer({ port: 0, customers: customers() });
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
