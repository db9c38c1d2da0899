/**
 * The UI-kit CRMs (tests/fixtures/kits) with the e2e build of the extension,
 * each kit enabled as its own site. Per kit:
 *
 * - kit_<kit>_badged / kit_<kit>_visible: customers with a scored badge beside
 *   their name / customers whose rows are in the DOM, over the kit's list pages;
 * - kit_<kit>_names_exact: customers the generic adapter reads with exactly the
 *   name the page shows (run in the live page), over the same customers;
 * - kit_<kit>_detail_fields_read / _total: labelled values read exactly on
 *   the kit's detail pages;
 * - kit_<kit>_first_badge_ms / _last_badge_ms: on the kit's first list page
 *   (loaded with the site enabled), from the frame its rows appear to the
 *   frame the first / the last scored badge appears (rAF sampling).
 *
 * Ground truth: the kits' seeded data (tests/fixtures/kits/pages.ts).
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import { startFixtureServer } from '@/tests/e2e/fixture-server';
import { ensureKitsBuilt } from '@/tests/fixtures/kits/build';
import { compareFields, type ReadCustomer } from '@/tests/fixtures/kits/compare';
import { KIT_PAGES, KITS, type KitPage } from '@/tests/fixtures/kits/pages';
import { E2E_EXTENSION_DIR, launchWithExtension } from '../lib/browser';
import { badgeReport, openKitPage, renderedCustomers, waitForKitPage } from '../lib/kit-pages';

const EXTRACT_SCRIPT = `
import { genericAdapter } from './lib/adapters/generic';
window.__kitsExtract = () => {
  const page = genericAdapter.extract(document, new URL(location.href));
  return page && { kind: page.kind, customers: page.customers.map(({ snapshot, anchor }) => ({
    crmId: snapshot.crmId, name: snapshot.name, fields: snapshot.fields,
    anchorHref: (anchor.closest('a[href]') || anchor.querySelector('a[href]'))?.getAttribute('href') ?? null,
  })) };
};
`;

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** Installed before the kit's scripts: the frame its first customer link appears, and each frame the scored-badge count grows. */
function instrument(firstHref: string) {
  // tsx (esbuild keepNames) wraps the named closures below in __name(), which the page does not define.
  (window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
  const state = { rowsAt: 0, counts: [] as { at: number; count: number }[] };
  (window as unknown as { __kitsBench: typeof state }).__kitsBench = state;
  const sample = () => {
    const now = performance.now();
    if (!state.rowsAt && document.querySelector(`a[href="${firstHref}"]`)) state.rowsAt = now;
    const count = [...document.querySelectorAll('[data-churn-radar-badge]')].filter((host) => host.shadowRoot?.querySelector('button[data-tier]')).length;
    if (count !== (state.counts.at(-1)?.count ?? 0)) state.counts.push({ at: now, count });
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

async function enable(context: BrowserContext, extensionId: string, crm: Page): Promise<void> {
  const tabId = await context.serviceWorkers()[0]!.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, crm.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Enable on this site' }).click();
  await popup.getByText('Enabled on this site').waitFor();
  await popup.close();
}

async function settledBadges(crm: Page, kitPage: KitPage) {
  const customers = await renderedCustomers(crm, kitPage);
  let badged = -1;
  for (let stable = 0, tries = 0; stable < 3 && tries < 40; tries++) {
    await crm.waitForTimeout(250);
    const now = (await badgeReport(crm, customers)).filter((r) => r.scored && r.misplaced === null).length;
    stable = now === badged ? stable + 1 : 0;
    badged = now;
  }
  return { customers, badged };
}

export async function benchKits(options: { log: (line: string) => void }): Promise<Record<string, number>> {
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) execSync('npm run build:e2e', { stdio: ['ignore', 'ignore', 'inherit'] });
  await ensureKitsBuilt();
  const bundle = await build({
    stdin: { contents: EXTRACT_SCRIPT, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const extractScript = bundle.outputFiles[0]!.text;
  const figures: Record<string, number> = {};
  options.log('  UI-kit CRMs (badged / visible, names exact, detail fields read, first → last badge after rows render)');
  for (const kit of KITS) {
    const server = await startFixtureServer();
    const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR });
    try {
      const pages = KIT_PAGES.filter((page) => page.kit === kit);
      const lists = pages.filter((page) => page.kind === 'list');
      const crm = await extension.context.newPage();
      await openKitPage(crm, server.origin, pages[0]!);
      await enable(extension.context, extension.extensionId, crm);
      await crm.addInitScript(instrument, lists[0]!.customers[0]!.href);
      let visible = 0,
        badged = 0,
        namesExact = 0,
        fieldsRead = 0,
        fieldsTotal = 0,
        firstMs = NaN,
        lastMs = NaN;
      for (const kitPage of pages) {
        await crm.goto(`${server.origin}${kitPage.path}`);
        await waitForKitPage(crm, kitPage);
        const settled = await settledBadges(crm, kitPage);
        await crm.addScriptTag({ content: extractScript });
        const read = await crm.evaluate(() =>
          (window as unknown as { __kitsExtract: () => { kind: string; customers: ReadCustomer[] } | null }).__kitsExtract(),
        );
        if (kitPage.kind === 'list') {
          visible += settled.customers.length;
          badged += settled.badged;
          const byId = new Map((read?.customers ?? []).map((c) => [c.crmId, c]));
          namesExact += settled.customers.filter((c) => byId.get(c.id)?.name === c.name).length;
          if (kitPage === lists[0]) {
            const state = await crm.evaluate(
              () => (window as unknown as { __kitsBench: { rowsAt: number; counts: { at: number; count: number }[] } }).__kitsBench,
            );
            const final = state.counts.at(-1)?.count ?? 0;
            if (final > 0 && state.rowsAt) {
              firstMs = state.counts[0]!.at - state.rowsAt;
              lastMs = state.counts.find((sample) => sample.count === final)!.at - state.rowsAt;
            }
          }
        } else {
          const expected = settled.customers[0]!;
          const fields = compareFields(
            expected,
            read?.customers.find((c) => c.crmId === expected.id),
          );
          fieldsRead += fields.right;
          fieldsTotal += fields.total;
        }
      }
      Object.assign(figures, {
        [`kit_${kit}_badged`]: badged,
        [`kit_${kit}_visible`]: visible,
        [`kit_${kit}_names_exact`]: namesExact,
        [`kit_${kit}_detail_fields_read`]: fieldsRead,
        [`kit_${kit}_detail_fields_total`]: fieldsTotal,
        [`kit_${kit}_first_badge_ms`]: Math.round(firstMs),
        [`kit_${kit}_last_badge_ms`]: Math.round(lastMs),
      });
      const timing = Number.isNaN(firstMs) ? 'no badge' : `${Math.round(firstMs)} → ${Math.round(lastMs)} ms`;
      options.log(
        `    ${kit.padEnd(8)} ${badged}/${visible} badged, ${namesExact}/${visible} names exact, ${fieldsRead}/${fieldsTotal} detail fields, ${timing}`,
      );
    } finally {
      await extension.close();
      await server.close();
    }
  }
  return figures;
}
