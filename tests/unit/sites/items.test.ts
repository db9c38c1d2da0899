import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enabledSitesItem } from '@/lib/sites/enabled-sites-item';
import { healthItem } from '@/lib/sites/health-item';

beforeEach(() => fakeBrowser.reset());

describe('sites storage items (version 1: no migrations yet)', () => {
  it('start empty and keep what is written, in storage.local under stable keys', async () => {
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(await healthItem.getValue()).toEqual({});
    await enabledSitesItem.setValue([{ origin: 'https://crm.example.com', addedAt: 1 }]);
    await healthItem.setValue({ 'https://crm.example.com': { pagesSeen: 1, lastSeenAt: 1, lastSuccessAt: 1, pages: {} } });
    const stored = await fakeBrowser.storage.local.get(['enabledSites', 'siteHealth']);
    expect(stored.enabledSites).toEqual([{ origin: 'https://crm.example.com', addedAt: 1 }]);
    expect(Object.keys(stored.siteHealth as object)).toEqual(['https://crm.example.com']);
  });
});
