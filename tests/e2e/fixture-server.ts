import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { E2E_FIXTURE_HOST } from '@/lib/demo-origin';
import { FIXTURE_DIR } from '../fixtures/crm/load';
import { kitFile } from '../fixtures/kits/serve';

export interface FixtureServer {
  /** e.g. "http://localhost:41234" (the e2e build holds http://localhost/* in host_permissions). */
  origin: string;
  /** Serve a saved page (tests/fixtures/crm/<fixture>.html) at a path; a later call swaps what the path shows. */
  serve(path: string, fixture: string): void;
  /** Serve a page built by the test (hostile pages: tests/e2e/hostile.spec.ts). */
  serveHtml(path: string, html: string): void;
  close(): Promise<void>;
}

/**
 * Saved CRM pages on a local origin, for enabling a "real" third-party site
 * through the product's own flow, and the UI-kit CRMs under /kits/<kit>/
 * (built by tests/fixtures/kits/build.ts). Routes can be swapped while the browser is
 * on them, so a test can make a page that used to list customers list none.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
      return;
    }
    const kit = kitFile(path);
    if (kit) {
      response.writeHead(kit.status, { 'content-type': kit.type, 'cache-control': 'no-store' }).end(kit.body);
      return;
    }
    const fixture = routes.get(path);
    if (!fixture) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(`${FIXTURE_DIR}/${fixture}.html`));
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${E2E_FIXTURE_HOST}:${port}`,
    serve: (path, fixture) => {
      pages.delete(path);
      routes.set(path, fixture);
    },
    serveHtml: (path, html) => void pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
