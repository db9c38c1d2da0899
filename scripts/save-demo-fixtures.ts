/**
 * Saves rendered demo CRM pages as fixtures for the adapter tests
 * (tests/fixtures/demo-crm/). Run after changing the demo CRM's markup:
 *   npx tsx scripts/save-demo-fixtures.ts
 * The pages are saved without scripts and stylesheets: the DOM as the adapter reads it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startDemoServer } from '../demo/server';
import { findChromium } from './lib/browser';

const outDir = 'tests/fixtures/demo-crm';
const pages = {
  'list-en': '/customers?lang=en',
  'list-zh': '/customers?lang=zh&sort=MonthlyCharges&dir=desc',
  'detail-en': '/customers/7590-VHVEG?lang=en',
  'detail-zh': '/customers/4472-LVYGI?lang=zh',
  'not-found': '/customers/0000-NOPE?lang=en',
};

const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage();
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('table[data-crm="customer-list"] tbody tr, article[data-crm="customer-detail"], section[data-crm="not-found"]');
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('script, link[rel="stylesheet"]').forEach((s) => s.remove());
      return `<!doctype html>\n${copy.outerHTML}\n`;
    });
    writeFileSync(`${outDir}/${name}.html`, html);
    console.log(`saved ${outDir}/${name}.html`);
  }
} finally {
  await browser.close();
  await server.close();
}
