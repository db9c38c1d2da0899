import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHealthService } from '@/lib/background/health-service';
import { createRouter, type Handlers } from '@/lib/background/router';
import { createSiteService } from '@/lib/background/sites-service';
import { handlersOf } from '@/lib/messaging/commands';
import { sitesCommands } from '@/lib/sites/sites-commands';
import { disabledDefaultSitesItem, enabledSitesItem } from '@/lib/sites/enabled-sites-item';
import { fakeSitesApi } from './fake-sites-api';

const DEMO = 'http://127.0.0.1:4178';
const SITE = 'http://localhost:4321';
const EXTENSION = 'chrome-extension://abc/';

function setup() {
  const fake = fakeSitesApi({ granted: [`${SITE}/*`] });
  const sites = createSiteService({
    api: fake.api,
    userSites: { get: () => enabledSitesItem.getValue(), set: (value) => enabledSitesItem.setValue(value) },
    builtin: [DEMO],
    disabledBuiltin: { get: () => disabledDefaultSitesItem.getValue(), set: (value) => disabledDefaultSitesItem.setValue(value) },
    contentScript: 'content-scripts/crm.js',
    portInPattern: true,
    emit: () => undefined,
    now: () => 1,
  });
  const health = createHealthService({
    load: async () => ({}),
    save: async () => undefined,
    mappedLabels: async () => [],
    badge: async () => undefined,
    emit: () => undefined,
    now: () => 1,
    saveDelayMs: 1000,
    setTimer: () => undefined,
  });
  const handlers = handlersOf(sitesCommands, { sites: { sites, health } }) as unknown as Handlers;
  const route = createRouter({ extensionId: 'abc', extensionOrigin: EXTENSION, isSiteEnabled: (origin) => sites.isEnabled(origin), handlers });
  const fromPage = (type: string, payload: unknown) => route({ channel: 'churn-radar', type, payload }, { id: 'abc', url: `${EXTENSION}popup.html` });
  const fromTab = (url: string, type: string, payload: unknown) => route({ channel: 'churn-radar', type, payload }, { id: 'abc', url, tab: { id: 3, url } });
  return { fromPage, fromTab };
}

beforeEach(() => fakeBrowser.reset());

describe('sites messages through the router', () => {
  it('a page of a site that is not enabled cannot report health; once enabled it can', async () => {
    const { fromPage, fromTab } = setup();
    const report = { url: `${SITE}/accounts`, kind: 'list', customers: 4, fields: ['Plan'] };
    expect(await fromTab(`${SITE}/accounts`, 'reportPageHealth', report)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fromPage('enableSite', { origin: SITE })).toMatchObject({ ok: true });
    expect(await fromTab(`${SITE}/accounts`, 'reportPageHealth', report)).toEqual({ ok: true, data: null });
    expect(await fromPage('getPageHealth', { tabId: 3 })).toMatchObject({ ok: true, data: { origin: SITE, readable: true, pageKey: '/accounts' } });
  });

  it('the popup status carries health only for listed sites', async () => {
    const { fromPage } = setup();
    expect(await fromPage('getSiteStatus', { origin: SITE })).toMatchObject({ ok: true, data: { state: 'not-enabled', canDisable: false, health: null } });
    await fromPage('enableSite', { origin: SITE });
    expect(await fromPage('getSiteStatus', { origin: SITE })).toMatchObject({
      ok: true,
      data: { state: 'enabled', canDisable: true, health: { status: 'no-data' } },
    });
    expect(await fromPage('getSiteStatus', { origin: null })).toMatchObject({ ok: true, data: { state: 'not-web', health: null } });
  });

  it('a content script cannot enable sites, and bad origins are refused before any handler', async () => {
    const { fromPage, fromTab } = setup();
    expect(await fromTab(`${DEMO}/customers`, 'enableSite', { origin: SITE })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fromPage('enableSite', { origin: 'https://crm.example.com/path' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await fromPage('enableSite', { origin: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
