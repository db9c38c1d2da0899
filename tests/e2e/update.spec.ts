import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { scoredBadgeCount } from './helpers';

/** The extension APIs this test calls in the service worker (evaluated there, typed here). */
declare const chrome: { runtime: { reload(): void; getManifest(): { version: string } } };

const ROWS = 50; // the demo CRM pages by 10, 50, 100 or 1,000

/** Every console error and uncaught error of the page, from every world (the content script's too). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * An update as Chrome applies it: the extension is unloaded and loaded again
 * with a new version while a CRM tab stays open. The build is copied to a
 * temporary directory, its manifest gets a new version, and the running
 * worker calls runtime.reload(), which reloads an unpacked extension from disk
 * (same id, onInstalled reason "update"). Chrome keeps a reloaded unpacked
 * extension disabled unless developer mode is on (as for anyone who loads it
 * unpacked by hand), so the test turns it on first in chrome://extensions.
 */
test('after an extension update, the open CRM tab gets its badges back without a reload, and the old copy leaves quietly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'churn-radar-update-'));
  cpSync(E2E_EXTENSION_DIR, dir, { recursive: true });
  const launched = await launchWithExtension({ extensionDir: dir });
  try {
    const { context } = launched;
    const crm = await context.newPage();
    const errors = collectErrors(crm);
    await crm.goto(`${DEMO_CRM_ORIGIN}/customers?size=${ROWS}&sort=name&dir=asc`);
    await expect.poll(() => scoredBadgeCount(crm), { timeout: 20_000 }).toBe(ROWS);
    // Marks only a reload would clear, and the hosts the old copy drew.
    await crm.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      for (const host of document.querySelectorAll('[data-churn-radar-badge]')) host.setAttribute('data-drawn-before-update', '');
    });

    const extensionsPage = await context.newPage();
    await extensionsPage.goto('chrome://extensions/');
    await extensionsPage.locator('#devMode').click();
    await expect(extensionsPage.locator('#devMode')).toHaveAttribute('checked', '');
    await extensionsPage.close();
    await crm.bringToFront();

    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '0.1.1' }));
    const nextWorker = context.waitForEvent('serviceworker', { timeout: 20_000 });
    void context
      .serviceWorkers()[0]!
      .evaluate(() => chrome.runtime.reload())
      .catch(() => undefined); // the worker dies answering
    const worker = await nextWorker;
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('0.1.1');

    // The old copy removed its badges; the copy injected on "update" drew new ones, in the same page.
    await expect.poll(() => crm.locator('[data-drawn-before-update]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => scoredBadgeCount(crm), { timeout: 20_000 }).toBe(ROWS);
    expect(await crm.locator('[data-churn-radar-badge]').count()).toBe(ROWS); // one per row: no leftovers, no duplicates
    expect(await crm.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The new copy is live: the CRM's next render (another sort) is read and badged.
    const firstBefore = await crm.locator('tbody tr[data-customer-id]').first().getAttribute('data-customer-id');
    await crm.goto(`${DEMO_CRM_ORIGIN}/customers?size=${ROWS}&sort=name&dir=desc`);
    await expect.poll(() => scoredBadgeCount(crm), { timeout: 20_000 }).toBe(ROWS);
    expect(await crm.locator('tbody tr[data-customer-id]').first().getAttribute('data-customer-id')).not.toBe(firstBefore);

    // Nothing from the old context: no "Extension context invalidated", no failed badges, no uncaught errors.
    expect(await crm.locator('[data-churn-radar-state="failed"]').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await launched.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
