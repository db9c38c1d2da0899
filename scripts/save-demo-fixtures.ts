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
  // Timelines with every item type: a known churner (7892-POOKP) and a current customer (4183-MYFRB).
  'detail-timeline-en': '/customers/7892-POOKP?lang=en',
  'detail-timeline-zh': '/customers/4183-MYFRB?lang=zh',
  // CDNOW shoppers space (as of 1997-09-30). 8481: a same-day merge (Sep 4) and purchases after the cut-off;
  // 10603: three same-day merges, a total over $1,000, later purchases too.
  'shoppers-list-en': '/shoppers?lang=en',
  'shoppers-list-zh': '/shoppers?lang=zh&sort=lastPurchase&dir=desc',
  'shopper-detail-en': '/shoppers/8481?lang=en',
  'shopper-detail-zh': '/shoppers/10603?lang=zh',
  'shopper-not-found': '/shoppers/99999?lang=en',
};
const READY = [
  'table[data-crm="customer-list"] tbody tr',
  'table[data-crm="shopper-list"] tbody tr',
  'article[data-crm="customer-detail"]',
  'article[data-crm="shopper-detail"]',
  'section[data-crm="not-found"]',
].join(', ');

const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage();
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector(READY);
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
