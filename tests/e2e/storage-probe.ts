import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect } from './fixtures';
import { scoredBadgeCount } from './helpers';

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
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ channel: 'churn-radar', type: t, payload: p }) as Promise<{ ok: boolean; data: unknown }>, [
    type,
    payload,
  ] as const);

/** Rows the background accepted and has not yet on disk (queued, being written or held). */
export const unsavedRows = async (page: Page) => ((await page.evaluate(() => chrome.storage.local.get('unsavedRows'))).unsavedRows as number | undefined) ?? 0;

/** Whether the background reports a storage problem now (a held batch waits). */
export const storageProblem = async (page: Page) => (await page.evaluate(() => chrome.storage.session.get('storageProblem'))).storageProblem ?? null;

/** The held rows parked in storage.session for the next worker (0: none). */
export const parkedRows = async (page: Page) =>
  page.evaluate(async () => {
    const parked = (await chrome.storage.session.get('parkedRows')).parkedRows as { rows?: string } | undefined;
    const batch = parked?.rows ? (JSON.parse(parked.rows) as Record<string, unknown[]>) : {};
    return Object.values(batch).reduce((sum, rows) => sum + rows.length, 0);
  });

/** A small disk: room for the history a test seeds (25 customers and the bundled models take ≈ 0.5 MB). */
export const DISK_ROOM = 4 * 1024 * 1024;

/**
 * Writes `bytes` of incompressible data in one transaction to a scratch
 * database of the page's origin; resolves to 'written' or the error's name.
 * Random bytes, so Chromium's value compression cannot shrink the request.
 */
const writeJunk = (page: Page, bytes: number) =>
  page.evaluate(
    (total) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('churn-radar-disk-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('junk');
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('junk', 'readwrite');
          const chunk = 32_768;
          for (let at = 0; at < total; at += chunk) tx.objectStore('junk').put(crypto.getRandomValues(new Uint8Array(chunk)), at);
          tx.oncomplete = () => resolve('written');
          tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
          tx.onerror = (event) => event.preventDefault();
          db.onversionchange = () => db.close();
        };
      }),
    bytes,
  );

/**
 * The extension origin's disk, over CDP (the extension must be the
 * limited-storage flavour, see fixtures.ts: with unlimitedStorage the override
 * is ignored). Call it before the extension writes anything.
 *
 * Why it is built this way: IndexedDB asks the quota system for room only when
 * a transaction needs more than the grant it last received, and that grant
 * (what was free then) shrinks to nothing over 30 s. With the browser's quota
 * (here ≈ 160 GB) a lowered quota would go unnoticed for up to 30 s. So the
 * disk is small from the start (usage + DISK_ROOM): no grant ever exceeds
 * DISK_ROOM. `fill` sets the quota below the usage and writes more than
 * DISK_ROOM from an extension page (same origin, same grant): that write must
 * ask, and is refused — the test knows the disk is full, not hopes so — and
 * from then on every write asks and is refused. `free` gives DISK_ROOM back.
 * The override lives as long as this CDP session's page.
 */
export async function diskControl(context: BrowserContext, extensionId: string) {
  const origin = `chrome-extension://${extensionId}`;
  const holder = await context.newPage();
  const cdp = await context.newCDPSession(holder);
  const usage = async () => (await cdp.send('Storage.getUsageAndQuota', { origin })).usage;
  const setQuota = (quotaSize: number) => cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
  await setQuota((await usage()) + DISK_ROOM);
  return {
    /** No room left: every write of the extension's origin is refused. `page` is an extension page (extensionReader). */
    async fill(page: Page) {
      await setQuota(1);
      expect(await writeJunk(page, DISK_ROOM + 1024 * 1024), 'a write larger than any grant meets the full disk').toBe('QuotaExceededError');
    },
    /** Room again (DISK_ROOM beyond what is stored). */
    async free() {
      await setQuota((await usage()) + DISK_ROOM);
    },
  };
}
