import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '../../lib/demo-origin';
import { expect } from './fixtures';
import { scoredBadgeCount, stopServiceWorker } from './helpers';

/**
 * What the storage e2e tests (storage-faults.spec.ts, quota.spec.ts) read
 * and do: the extension's database read straight from an extension page
 * (same origin: counts do not depend on the worker being alive), and a disk
 * that fills up and frees, over CDP.
 */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: string): Promise<Record<string, unknown>> }; session: { get(keys: string): Promise<Record<string, unknown>> } };
};

export const LIST = `${DEMO_CRM_ORIGIN}/customers`;

/** A CRM list page read and every row badged (answered from the worker's memory, whatever the disk does). */
export async function scan(page: Page, query: string, rows: number) {
  await page.goto(`${LIST}?${query}`);
  await expect.poll(() => scoredBadgeCount(page), { timeout: 20_000 }).toBe(rows);
}

/** Rows per table, read from IndexedDB directly. */
export const dbCounts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('churn-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['customers', 'observationBatches', 'scores'];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
        };
      }),
  );

/** Every stored customer row, as IndexedDB holds it (key order). */
export const storedCustomers = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ site: string; crmId: string; firstSeen: number; [key: string]: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('churn-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('customers').objectStore('customers').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );

/** An extension page that runs no app (the manifest, shown as text): reads the database without keeping it open. */
export async function extensionReader(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  return page;
}

export const send = (page: Page, type: string, payload: unknown = {}) =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'churn-radar', type: t, payload: p }) as Promise<{ ok: boolean; data: unknown }>, [type, payload] as const);

/** Rows the background accepted and has not yet on disk (queued, being written or held). */
export const unsavedRows = async (page: Page) => ((await page.evaluate(() => chrome.storage.local.get('unsavedRows'))).unsavedRows as number | undefined) ?? 0;

/** Whether the background reports a storage problem now (a held batch waits). */
export const storageProblem = async (page: Page) => (await page.evaluate(() => chrome.storage.session.get('storageProblem'))).storageProblem ?? null;

/** The held rows parked in storage.session for the next worker (0: none). */
export const parkedRows = async (page: Page) =>
  page.evaluate(async () => {
    const parked = (await chrome.storage.session.get('parkedRows')).parkedRows as { batch?: Record<string, unknown[]> } | undefined;
    return Object.values(parked?.batch ?? {}).reduce((sum, rows) => sum + rows.length, 0);
  });

/**
 * The extension origin's disk, over CDP (Storage.overrideQuotaForOrigin; the
 * extension must be the limited-storage flavour, see fixtures.ts). IndexedDB
 * asks the quota manager for room only when a write needs more than it was
 * last granted, and keeps that grant (decaying over 30 s) while the origin's
 * databases are open. So `fill` closes the extension's pages, stops its worker
 * and force-closes its databases (chrome://indexeddb-internals) before setting
 * the quota: the next write asks again and meets the full disk. Open
 * extension pages again after it. The override lives as long as this CDP
 * session's page.
 */
export async function diskControl(context: BrowserContext, extensionId: string) {
  const origin = `chrome-extension://${extensionId}`;
  const holder = await context.newPage();
  const cdp = await context.newCDPSession(holder);
  return {
    /** Leave only `margin` bytes free for the extension. */
    async fill(margin = 4_096) {
      // The quota first: a worker woken meanwhile (a CRM tab's message) must already meet it.
      const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + margin });
      for (const page of context.pages()) if (page.url().startsWith(origin)) await page.close();
      await stopServiceWorker(context, extensionId);
      const internals = await context.newPage();
      await internals.goto('chrome://indexeddb-internals/');
      const instance = internals.locator('.indexeddb-bucket, li, div').filter({ hasText: `Origin: ${origin}` }).last();
      await instance.locator('.force-close').first().click();
      await internals.close();
    },
    /** The disk has room again (the browser's own quota). */
    async free() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    },
  };
}
