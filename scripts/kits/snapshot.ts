/**
 * `npx tsx scripts/kits/snapshot.ts [page-name…]`: renders every kit page
 * (tests/fixtures/kits/pages.ts) in headless Chromium and saves the rendered
 * DOM as tests/fixtures/kits/snapshots/<kit>-<page>.html, with the ground
 * truth from the kits' seeded data beside it (<kit>-<page>.expected.json).
 * Run it after changing a kit; the unit tests read the committed files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startFixtureServer } from '@/tests/e2e/fixture-server';
import { ensureKitsBuilt } from '@/tests/fixtures/kits/build';
import { KIT_SNAPSHOT_DIR, type KitExpectation } from '@/tests/fixtures/kits/load';
import { KIT_PAGES, pageName } from '@/tests/fixtures/kits/pages';
import { openKitPage, renderedCustomers, serializeDom } from '../lib/kit-pages';
import { findChromium } from '../lib/browser';

const wanted = new Set(process.argv.slice(2));
await ensureKitsBuilt();
const server = await startFixtureServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync(KIT_SNAPSHOT_DIR, { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  for (const kitPage of KIT_PAGES) {
    const name = pageName(kitPage);
    if (wanted.size && !wanted.has(name)) continue;
    await openKitPage(page, server.origin, kitPage);
    const customers = await renderedCustomers(page, kitPage);
    const expected: KitExpectation = {
      kit: kitPage.kit,
      page: kitPage.page,
      url: `http://localhost${kitPage.path}`,
      kind: kitPage.kind,
      lang: kitPage.lang,
      customers,
    };
    writeFileSync(`${KIT_SNAPSHOT_DIR}/${name}.html`, await serializeDom(page));
    writeFileSync(`${KIT_SNAPSHOT_DIR}/${name}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
    console.log(`${name}: ${customers.length} customer(s)`);
  }
} finally {
  await browser.close();
  await server.close();
}
