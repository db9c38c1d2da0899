/**
 * ingest_100k_observations_ms: 100,000 observations (100 pages of 1,000
 * customers, each sighting changed) through the background's write path into
 * IndexedDB, in real Chromium, until on disk. Target ≤ 5,000 ms. The page is
 * page of our own on the demo CRM's origin, answered by Playwright: the same
 * IndexedDB engine as the extension's, without needing a special build.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { findChromium } from '../lib/browser';

export async function benchIngest(options: { log: (line: string) => void; observations?: number }): Promise<Record<string, number>> {
  const count = options.observations ?? 100_000;
  const bundle = await build({
    entryPoints: ['scripts/bench/ingest-page.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => options.log(`    page error: ${error.message}`));
    // A page of our own on a real origin (IndexedDB needs one), answered by Playwright: no server, no CSP.
    const url = `${DEMO_CRM_ORIGIN}/__bench-ingest`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${bundle.outputFiles[0]!.text.replaceAll('</script', '<\\/script')}</script>` }),
    );
    await page.goto(url);
    const result = await page.evaluate(
      (n) => (window as unknown as { benchIngest: (n: number) => Promise<{ ms: number; observations: number; customers: number }> }).benchIngest(n),
      count,
    );
    if (result.observations !== count) throw new Error(`ingest bench wrote ${result.observations} observations, expected ${count}`);
    options.log(
      `  ingest ${count.toLocaleString('en-US')} observations ${result.ms.toFixed(0)} ms into IndexedDB (${result.customers.toLocaleString('en-US')} customers; target ≤ 5,000)`,
    );
    return { ingest_100k_observations_ms: Math.round(result.ms) };
  } finally {
    await browser.close();
  }
}
