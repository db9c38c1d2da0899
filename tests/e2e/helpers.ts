import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { parseModelArtifact } from '@/lib/model/artifact';
import { createScorer } from '@/lib/model/scorer';
import type { Scorer } from '@/lib/model/types';
import { DEFAULT_TIER_THRESHOLDS, tierFor } from '@/lib/risk/tiers';

export const BUNDLED_MODEL = 'public/model/demo-model.json';

let scorer: Promise<Scorer> | null = null;
/** The model the extension ships, loaded in Node with the same lib/model code: the test's oracle. */
export function nodeScorer(): Promise<Scorer> {
  scorer ??= createScorer(parseModelArtifact(JSON.parse(readFileSync(BUNDLED_MODEL, 'utf8'))));
  return scorer;
}

export async function expectedTier(fields: Record<string, string>) {
  const [probability] = (await nodeScorer()).predict([fields]);
  return { probability: probability!, tier: tierFor(probability!, DEFAULT_TIER_THRESHOLDS) };
}

export interface RowOnPage {
  id: string;
  name: string;
  fields: Record<string, string>;
  badge: { tier: string | null; probability: string | null; label: string | null } | null;
}

/** What the demo CRM shows per row, and the badge our extension drew beside it. */
export function readListRows(page: Page): Promise<RowOnPage[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table[data-crm="customer-list"] tbody tr[data-customer-id]')].map((tr) => {
      const fields: Record<string, string> = {};
      for (const cell of tr.querySelectorAll<HTMLElement>('[data-field]')) {
        if (cell.dataset.field !== 'name') fields[cell.dataset.field!] = (cell.textContent ?? '').trim();
      }
      const button = tr.querySelector('[data-churn-radar-badge]')?.shadowRoot?.querySelector('button');
      return {
        id: tr.getAttribute('data-customer-id')!,
        name: (tr.querySelector('[data-field="name"]')?.textContent ?? '').trim(),
        fields,
        badge: button ? { tier: button.dataset.tier ?? null, probability: button.dataset.probability ?? null, label: button.getAttribute('aria-label') } : null,
      };
    }),
  );
}

export function readDetailFields(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const fields: Record<string, string> = {};
    for (const cell of document.querySelectorAll<HTMLElement>('article[data-crm="customer-detail"] [data-field]')) {
      if (cell.dataset.field !== 'name') fields[cell.dataset.field!] = (cell.textContent ?? '').trim();
    }
    return fields;
  });
}

/** Number of badges that carry a tier (drawn and scored). */
export function scoredBadgeCount(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('[data-churn-radar-badge]')].filter((h) => h.shadowRoot?.querySelector('button[data-tier]')).length);
}

/**
 * Stop the extension's service worker the way Chrome does when it idles, via
 * chrome://serviceworker-internals (CDP's ServiceWorker domain on a page does
 * not reach extension workers). Resolves once Chrome reports it STOPPED.
 */
export async function stopServiceWorker(context: import('@playwright/test').BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://serviceworker-internals/');
  const registration = page.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` });
  await registration.getByRole('button', { name: 'Stop' }).first().click();
  await registration.getByText('Running Status: STOPPED').first().waitFor();
  await page.close();
}

/** The id of the tab showing `url`, asked of the extension's service worker. */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const id = await context.serviceWorkers()[0]!.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url);
  expect(id, `a tab showing ${url}`).toBeDefined();
  return id!;
}

/** The action popup as a page, for the given tab (popup.html?tab=), at the popup's size. */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Enable the site of the CRM page `crm` shows the way a user does: the popup's "Enable on this site". */
export async function enableFromPopup(context: BrowserContext, extensionId: string, crm: Page): Promise<void> {
  const popup = await openPopup(context, extensionId, await tabIdOf(context, crm.url()));
  await popup.getByRole('button', { name: 'Enable on this site' }).click();
  await expect(popup.getByTestId('site-state')).toHaveText('Enabled on this site');
  await popup.close();
  await crm.bringToFront();
}

/** The extension APIs these helpers call in the service worker (evaluated there, typed here). */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
