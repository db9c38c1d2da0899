import type { Page } from '@playwright/test';
import { badgeReport, renderedCustomers, waitForKitPage } from '@/scripts/lib/kit-pages';
import { ensureKitsBuilt } from '../fixtures/kits/build';
import { KIT_PAGES, KITS, pageName, type Kit, type KitPage } from '../fixtures/kits/pages';
import { E2E_EXTENSION_DIR, launchWithExtension, type LaunchedExtension } from '@/scripts/lib/browser';
import { expect, test as base } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { enableFromPopup } from './helpers';

/**
 * The UI-kit CRMs (tests/fixtures/kits) as a user meets them: each kit is its
 * own site (own origin), enabled from the popup; then every page of the kit,
 * reached by in-app (pushState) navigation wherever the app links to it:
 * a scored badge beside the name of every customer whose row is in the DOM,
 * detail pages read (badge) and the side panel on that page's customer.
 * One test per kit so two workers share them; the kits' sites are apart (own
 * origins, each enabled in its test), so a worker's tests share one browser:
 * a fresh profile per test cost ~10 s each (5 tests: 80 s; shared: 38 s).
 *
 * KNOWN_GAPS: the checks today's product still fails (see also
 * tests/unit/adapters/kits.test.ts). Each is asserted to still fail, so a
 * fix makes this spec ask for its line to be removed.
 */
const KNOWN_GAPS: Record<string, string> = {};

const test = base.extend<object, { kitBrowser: LaunchedExtension }>({
  kitBrowser: [
    async ({}, use) => {
      const launched = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR });
      await use(launched);
      await launched.close();
    },
    { scope: 'worker' },
  ],
});

let servers: Map<Kit, FixtureServer>;
test.beforeAll(async () => {
  await ensureKitsBuilt();
  servers = new Map(await Promise.all(KITS.map(async (kit) => [kit, await startFixtureServer()] as const)));
});
// The worker's browser first: its open connections would keep the servers from closing.
test.afterAll(async ({ kitBrowser }) => {
  await kitBrowser.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
});

/** In-app navigation (a click on the app's own link: pushState) when the current page links there, else a page load. */
async function goTo(crm: Page, origin: string, kitPage: KitPage): Promise<'in-app' | 'load'> {
  const link = crm.locator(`a[href="${kitPage.path}"]`).first();
  if (await link.count()) {
    await link.click();
    await expect(crm).toHaveURL(`${origin}${kitPage.path}`);
    await waitForKitPage(crm, kitPage);
    return 'in-app';
  }
  await crm.goto(`${origin}${kitPage.path}`);
  await waitForKitPage(crm, kitPage);
  return 'load';
}

/** A check that must pass (polled), or, when listed in KNOWN_GAPS, must still fail. */
async function check(name: string, probe: () => Promise<string | null>): Promise<void> {
  if (name in KNOWN_GAPS) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect.soft(await probe(), `${name} passes now: remove it from KNOWN_GAPS`).not.toBeNull();
    return;
  }
  // Soft: one run reports every page's outcome, not only the first failure.
  await expect.configure({ soft: true }).poll(probe, { message: name, timeout: 12_000 }).toBeNull();
}

// One test per kit (each its own site, profile and side panel): two e2e workers can share them, and a
// failure names its kit. The kit build and the fixture servers are set up once per worker in beforeAll.
test.describe.configure({ mode: 'parallel' });

for (const kit of KITS) {
  test(`${kit} kit: enabled from the popup, badges beside every visible name, detail pages read, side panel follows in-app navigation`, async ({
    kitBrowser,
  }, testInfo) => {
    test.setTimeout(60_000);
    const { context, extensionId } = kitBrowser;
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 380, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const origin = servers.get(kit)!.origin;
    const pages = KIT_PAGES.filter((page) => page.kit === kit);
    const crm = await context.newPage();
    await crm.goto(`${origin}${pages[0]!.path}`);
    await waitForKitPage(crm, pages[0]!);
    await enableFromPopup(context, extensionId, crm);
    for (const kitPage of pages) {
      const name = pageName(kitPage);
      if (kitPage !== pages[0]) await goTo(crm, origin, kitPage);
      const customers = await renderedCustomers(crm, kitPage);
      await check(`${name} badges`, async () => {
        const report = await badgeReport(crm, customers);
        const unscored = report.filter((r) => !r.scored).map((r) => r.id);
        const misplaced = report.filter((r) => r.misplaced !== null).map((r) => `${r.id}: ${r.misplaced}`);
        return unscored.length || misplaced.length ? `no scored badge: [${unscored}], not beside the name: [${misplaced.join('; ')}]` : null;
      });
      if (kitPage.kind === 'detail') {
        const expected = customers[0]!;
        await check(`${name} side panel`, async () => {
          const heading = (await panel.locator('h1').allTextContents())[0]?.trim() ?? null;
          return heading === expected.name ? null : `side panel shows ${JSON.stringify(heading)}, page shows ${JSON.stringify(expected.name)}`;
        });
      }
      await crm.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    }
    await panel.screenshot({ path: testInfo.outputPath(`sidepanel-${kit}.png`), fullPage: true });
    await crm.close();
    await panel.close();
  });
}
