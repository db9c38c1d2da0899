/**
 * Acme CRM — the bundled demo CRM, served by one Node process with no external
 * services: `npx tsx demo/server.ts [--port N] [--host H]`.
 *
 *   GET /                     → 302 /customers
 *   GET /customers[?…]        → the single-page app (list)
 *   GET /customers/:id        → the single-page app (detail; HTTP 404 for an unknown id)
 *   GET /app.js, /styles.css, /favicon.svg
 *   GET /api/customers?page&size&sort&dir&q&lang   → ListPage JSON
 *   GET /api/customers/:id?lang                     → CustomerDetail JSON (404 if unknown)
 *   GET /api/export.csv?lang                        → customers-history.csv (known history only)
 *   GET /shoppers[?…], /shoppers/:id                → the app (CDNOW shoppers space; 404 for an unknown id)
 *   GET /api/shoppers?page&size&sort&dir&q&lang     → ShopperListPage JSON
 *   GET /api/shoppers/:id?lang                      → ShopperDetail JSON (404 if unknown)
 *   GET /api/shoppers/export.csv                    → the order log as of 1997-09-30
 *
 * The CDNOW log is parsed on the first shoppers request, not at start.
 */
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CRM_HOST, DEMO_CRM_PORT } from '../lib/demo-origin';
import type { Customer } from './core/customers';
import { EXPORT_FILE_NAME, historyExportCsv } from './core/export';
import { DEFAULT_LOCALE, HTML_LANG, parseLocale, UI, type Locale } from './core/i18n';
import { CustomerDirectory, parseListParams } from './core/list-query';
import { ORDER_EXPORT_FILE_NAME, orderLogCsv } from './core/shopper-export';
import { parseShopperListParams, ShopperDirectory } from './core/shopper-query';
import type { Shopper } from './core/shoppers';
import { SHOPPERS_TODAY, SPACE_PATH, SPACE_TODAY, type Space } from './core/spaces';
import { customerDetail } from './core/view';
import { loadCustomers, loadShoppers } from './data';

export interface DemoServerOptions {
  /** Default DEMO_CRM_HOST (127.0.0.1). */
  host?: string;
  /** Default DEMO_CRM_PORT (4178); 0 picks a free port. */
  port?: number;
  /** Customers to serve instead of the bundled Telco data set. */
  customers?: Customer[];
  /** Shoppers to serve instead of the bundled CDNOW log; their orders must stop at 1997-09-30. */
  shoppers?: readonly Shopper[];
  /** Log each request to stdout (default false). */
  logRequests?: boolean;
}

export interface DemoServer {
  /** Origin, e.g. "http://127.0.0.1:4178" (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const CLIENT_ENTRY = join(HERE, 'client', 'main.ts');
const STYLES_PATH = join(HERE, 'client', 'styles.css');

/**
 * Only this origin is contacted, and no inline styles are allowed, like the
 * strict CSPs of large CRMs: the extension's badges must style themselves
 * through constructable stylesheets in shadow roots, which CSP does not block
 * (the e2e tests check their computed colours under this policy).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f4e8c"/><path d="M9 23 16 8l7 15h-4l-3-7-3 7z" fill="#fff"/></svg>`;

let clientBundle: Promise<string> | null = null;

/** The client TypeScript bundled with esbuild (a dependency of tsx, so present wherever tsx runs). */
function bundleClient(): Promise<string> {
  clientBundle ??= (async () => {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch (error) {
      throw new Error(`demo CRM: esbuild is needed to bundle the client (it comes with tsx): ${String(error)}`);
    }
    const result = await esbuild.build({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['es2020'],
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('demo CRM: esbuild produced no output');
    return file.text;
  })();
  clientBundle.catch(() => {
    clientBundle = null;
  });
  return clientBundle;
}

/** The page shell; the client fills in the chrome text for the chosen locale and keeps nav and today in step with the route. */
function shellHtml(locale: Locale, space: Space): string {
  const t = UI[locale];
  const active = (s: Space) => (s === space ? ' class="active" aria-current="page"' : '');
  return `<!doctype html>
<html lang="${HTML_LANG[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.appName}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/styles.css">
<script src="/app.js" defer></script>
</head>
<body>
<header class="topbar">
  <a class="brand" href="/customers"><span class="logo" aria-hidden="true"></span><span data-i18n="appName">${t.appName}</span></a>
  <nav class="nav" data-i18n="navLabel" aria-label="${t.navLabel}"><a${active('customers')} href="${SPACE_PATH.customers}" data-i18n="navCustomers" data-space="customers">${t.navCustomers}</a><a${active('shoppers')} href="${SPACE_PATH.shoppers}" data-i18n="navShoppers" data-space="shoppers">${t.navShoppers}</a></nav>
  <div class="topbar-right">
    <select id="lang" class="lang" aria-label="${t.language}"><option value="en">English</option><option value="zh">中文</option></select>
  </div>
</header>
<main id="app" class="main" data-crm-today="${SPACE_TODAY[space]}"></main>
</body>
</html>
`;
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, req: IncomingMessage, status: number, value: unknown): void {
  send(res, req, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? DEMO_CRM_HOST;
  const port = options.port ?? DEMO_CRM_PORT;
  const customers = options.customers ?? loadCustomers();
  const directory = new CustomerDirectory(customers);
  const [script, styles] = await Promise.all([bundleClient(), readFile(STYLES_PATH, 'utf8')]);
  let shopperBook: ShopperDirectory | null = null;
  const shoppers = (): ShopperDirectory => {
    shopperBook ??= new ShopperDirectory(options.shoppers ?? loadShoppers(), SHOPPERS_TODAY);
    return shopperBook;
  };
  let orderLog: string | null = null;
  const exports = new Map<Locale, string>();
  const exportCsv = (locale: Locale) => {
    let csv = exports.get(locale);
    if (csv === undefined) {
      csv = historyExportCsv(customers, locale);
      exports.set(locale, csv);
    }
    return csv;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const path = url.pathname;
    const locale = parseLocale(url.searchParams.get('lang')) ?? DEFAULT_LOCALE;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const html = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' };

    if (path === '/') {
      res.writeHead(302, { Location: `/customers${url.search}` });
      res.end();
    } else if (path === '/customers' || path === '/customers/') {
      send(res, req, 200, 'text/html; charset=utf-8', shellHtml(locale, 'customers'), html);
    } else if (path.startsWith('/customers/')) {
      const id = safeDecode(path.slice('/customers/'.length));
      const known = id !== null && directory.get(id) !== undefined;
      send(res, req, known ? 200 : 404, 'text/html; charset=utf-8', shellHtml(locale, 'customers'), html);
    } else if (path === '/shoppers' || path === '/shoppers/') {
      send(res, req, 200, 'text/html; charset=utf-8', shellHtml(locale, 'shoppers'), html);
    } else if (path.startsWith('/shoppers/')) {
      const id = safeDecode(path.slice('/shoppers/'.length));
      const known = id !== null && shoppers().get(id) !== undefined;
      send(res, req, known ? 200 : 404, 'text/html; charset=utf-8', shellHtml(locale, 'shoppers'), html);
    } else if (path === '/app.js') {
      send(res, req, 200, 'text/javascript; charset=utf-8', script, { 'Cache-Control': 'no-cache' });
    } else if (path === '/styles.css') {
      send(res, req, 200, 'text/css; charset=utf-8', styles, { 'Cache-Control': 'no-cache' });
    } else if (path === '/favicon.svg' || path === '/favicon.ico') {
      send(res, req, 200, 'image/svg+xml', FAVICON, { 'Cache-Control': 'max-age=86400' });
    } else if (path === '/api/customers') {
      sendJson(res, req, 200, directory.list(parseListParams(url.searchParams), locale));
    } else if (path.startsWith('/api/customers/')) {
      const id = safeDecode(path.slice('/api/customers/'.length));
      const customer = id === null ? undefined : directory.get(id);
      if (customer) sendJson(res, req, 200, customerDetail(customer, locale));
      else sendJson(res, req, 404, { error: 'not_found', id });
    } else if (path === '/api/shoppers') {
      sendJson(res, req, 200, shoppers().list(parseShopperListParams(url.searchParams), locale));
    } else if (path === '/api/shoppers/export.csv') {
      orderLog ??= orderLogCsv(shoppers().shoppers);
      send(res, req, 200, 'text/csv; charset=utf-8', orderLog, {
        'Content-Disposition': `attachment; filename="${ORDER_EXPORT_FILE_NAME}"`,
        'Cache-Control': 'no-store',
      });
    } else if (path.startsWith('/api/shoppers/')) {
      const id = safeDecode(path.slice('/api/shoppers/'.length));
      const book = shoppers();
      const shopper = id === null ? undefined : book.get(id);
      if (shopper) sendJson(res, req, 200, book.detail(shopper, locale));
      else sendJson(res, req, 404, { error: 'not_found', id });
    } else if (path === '/api/export.csv') {
      send(res, req, 200, 'text/csv; charset=utf-8', exportCsv(locale), {
        'Content-Disposition': `attachment; filename="${EXPORT_FILE_NAME}"`,
        'Cache-Control': 'no-store',
      });
    } else {
      send(res, req, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
    if (options.logRequests) console.log(`${req.method} ${req.url} ${res.statusCode}`);
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `--port N`, `--port=N`, `--host H`, `--host=H`. */
export function parseCliArgs(argv: readonly string[]): { host?: string; port?: number } {
  const out: { host?: string; port?: number } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--port' && flag !== '--host') {
      if (arg === '--help' || arg === '-h') {
        console.log('usage: tsx demo/server.ts [--port N] [--host H]');
        process.exit(0);
      }
      throw new Error(`unknown argument: ${arg}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (flag === '--host') out.host = value;
    else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${value}`);
      out.port = port;
    }
  }
  return out;
}

/** True when this file is the script Node was started with (`tsx demo/server.ts`). */
async function isMain(): Promise<boolean> {
  const script = process.argv[1];
  if (!script) return false;
  const self = await realpath(fileURLToPath(import.meta.url));
  for (const candidate of [script, `${script}.ts`]) {
    try {
      if ((await realpath(candidate)) === self) return true;
    } catch {
      // not this spelling
    }
  }
  return false;
}

if (await isMain()) {
  try {
    const server = await startDemoServer(parseCliArgs(process.argv.slice(2)));
    console.log(`Acme CRM demo listening on ${server.url}/`);
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EADDRINUSE') console.error(`demo CRM: ${String((error as Error).message)} — is it already running? Use --port N.`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
