// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRowCache } from '@/lib/adapters/generic/row-cache';
import { ADAPTERS, adapterFor, configurePageAdapters } from '@/lib/adapters/registry';
import { watchSiteSetting } from '@/lib/content/site-setting';
import type { PerSiteItem } from '@/lib/mapping/per-site';
import { dateOrderItem } from '@/lib/mapping/date-order-item';
import { joinByItem } from '@/lib/mapping/join-item';
import { siteRecipesItem } from '@/lib/recipes/recipes-item';
import { SITE_RECIPES_KEY } from '@/lib/recipes/recipes-key';
import { DATE_ORDER_KEY, JOIN_BY_KEY } from '@/lib/mapping/site-setting-keys';
import { localReader } from '@/lib/storage-reader';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

const LIST = new URL('https://crm.example.com/index.php?module=Accounts&action=index');

beforeEach(() => fakeBrowser.reset());
afterEach(() => configurePageAdapters({ rowCache: undefined, joinBy: undefined, dateOrder: undefined }));

describe('the page’s generic adapter', () => {
  it('re-reads only changed rows once the content script gives it a row cache', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const cache = createRowCache();
    configurePageAdapters({ rowCache: cache });
    const generic = adapterFor(LIST, doc)!;
    expect(generic).toBe(ADAPTERS.at(-1));
    const first = generic.extract(doc, LIST)!;
    const rows = cache.stats.misses;
    expect(cache.stats.hits).toBe(0);
    expect(rows).toBeGreaterThanOrEqual(first.customers.length);
    const anchor = first.customers[0]!.anchor;
    anchor.closest('tr')!.lastElementChild!.textContent = 'changed';
    generic.extract(doc, LIST);
    expect(cache.stats).toEqual({ hits: rows - 1, misses: rows + 1 });
  });
  it('joins customers by e-mail or domain when the site chose it, and stops when it is cleared', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const plain = adapterFor(LIST, doc)!
      .extract(doc, LIST)!
      .customers.map((c) => c.snapshot.crmId);
    configurePageAdapters({ joinBy: 'domain' });
    const joined = adapterFor(LIST, doc)!
      .extract(doc, LIST)!
      .customers.map((c) => c.snapshot.crmId);
    expect(joined.some((id) => id.startsWith('domain:'))).toBe(true);
    configurePageAdapters({ joinBy: undefined });
    expect(
      adapterFor(LIST, doc)!
        .extract(doc, LIST)!
        .customers.map((c) => c.snapshot.crmId),
    ).toEqual(plain);
  });
});

describe('per-site settings on the page', () => {
  const site = 'https://crm.example.com';
  // The page reads them with lib/storage-reader.ts (no @wxt-dev/storage in the content script): what the items write, it reads.
  it('reads the keys the Options items write', () => {
    expect([joinByItem.key, dateOrderItem.key, siteRecipesItem.key]).toEqual([JOIN_BY_KEY, DATE_ORDER_KEY, SITE_RECIPES_KEY]);
  });
  it('reports the site’s join choice now and when it changes, and stops with the page', async () => {
    await joinByItem.setValue({ [site]: 'email' });
    const seen = vi.fn();
    const page = new AbortController();
    watchSiteSetting(localReader(JOIN_BY_KEY), site, seen, page.signal);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith('email'));
    await joinByItem.setValue({ [site]: 'domain', 'https://other.example': 'email' });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith('domain'));
    await joinByItem.setValue({ [site]: 'domain' }); // another site's change: nothing new here
    page.abort();
    await joinByItem.setValue({});
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveBeenCalledTimes(2);
  });
  it('reports the date order the manager set, and automatic again when it is cleared', async () => {
    const seen = vi.fn();
    const page = new AbortController();
    watchSiteSetting(localReader(DATE_ORDER_KEY), site, seen, page.signal);
    await dateOrderItem.setValue({ [site]: 'dmy' });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith('dmy'));
    await dateOrderItem.setValue({});
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith(undefined));
    expect(seen).toHaveBeenCalledTimes(2);
    page.abort();
  });
  it('tells recipes apart by content: the same recipes saved again are no change', async () => {
    const recipe = { id: 'list:/contacts' } as never;
    const seen = vi.fn();
    const page = new AbortController();
    watchSiteSetting(localReader(SITE_RECIPES_KEY), site, seen, page.signal, (recipes) => JSON.stringify(recipes ?? []));
    await siteRecipesItem.setValue({ [site]: [recipe] });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    await siteRecipesItem.setValue({ [site]: [{ ...(recipe as object) }] as never });
    await siteRecipesItem.setValue({ [site]: [] });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([]));
    expect(seen).toHaveBeenCalledTimes(2);
    page.abort();
  });
  it('a copy that ended after an extension update neither throws nor reports', async () => {
    let listener: ((value: Record<string, string> | null) => void) | undefined;
    const gone: PerSiteItem<string> = {
      getValue: async () => ({}),
      watch: (callback) => {
        listener = callback;
        return () => {
          throw new Error("You must add the 'storage' permission to your manifest");
        };
      },
    };
    const seen = vi.fn();
    const page = new AbortController();
    watchSiteSetting(gone, site, seen, page.signal);
    expect(() => page.abort()).not.toThrow();
    listener!({ [site]: 'late' });
    expect(seen).not.toHaveBeenCalled();
  });
});
