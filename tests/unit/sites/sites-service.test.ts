import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HandlerError } from '@/lib/background/router';
import { createSiteService } from '@/lib/background/sites-service';
import type { BackgroundEvent } from '@/lib/messaging/protocol';
import { disabledDefaultSitesItem, enabledSitesItem } from '@/lib/sites/enabled-sites-item';
import { scriptIdFor } from '@/lib/sites/origins';
import { fakeSitesApi } from './fake-sites-api';

const DEMO = 'http://127.0.0.1:4178';
const SITE = 'http://localhost:4321';
const PATTERN = 'http://localhost:4321/*';

function setup(options: Parameters<typeof fakeSitesApi>[0] = {}, assertUnlocked?: () => Promise<void>, builtin: string[] = []) {
  const fake = fakeSitesApi(options);
  const events: BackgroundEvent[] = [];
  const service = createSiteService({
    api: fake.api,
    userSites: { get: () => enabledSitesItem.getValue(), set: (value) => enabledSitesItem.setValue(value) },
    builtin,
    disabledBuiltin: { get: () => disabledDefaultSitesItem.getValue(), set: (value) => disabledDefaultSitesItem.setValue(value) },
    contentScript: 'content-scripts/crm.js',
    portInPattern: true,
    emit: (event) => events.push(event),
    now: () => 1000,
    assertUnlocked,
  });
  return { ...fake, service, events };
}

beforeEach(() => fakeBrowser.reset());

describe('site service', () => {
  it('the demo CRM is enabled out of the box; an unknown site is not', async () => {
    const { service } = setup({}, undefined, [DEMO]);
    expect(await service.isEnabled(DEMO)).toBe(true);
    expect(await service.isEnabled(SITE)).toBe(false);
  });

  it('enable: stores the site, registers the content script (document_start, all frames, persistent) and injects into open tabs', async () => {
    const { service, scripts, injected, events } = setup({ granted: [PATTERN], tabs: { [PATTERN]: [7, 9] } }, undefined, [DEMO]);
    const view = await service.enable(SITE);
    expect(await enabledSitesItem.getValue()).toEqual([{ origin: SITE, addedAt: 1000 }]);
    expect(scripts.has(scriptIdFor(DEMO))).toBe(true);
    expect(scripts.get(scriptIdFor(SITE))).toEqual({
      id: scriptIdFor(SITE),
      matches: [PATTERN],
      js: ['content-scripts/crm.js'],
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    });
    expect(injected).toEqual([
      { tabId: 7, file: 'content-scripts/crm.js' },
      { tabId: 9, file: 'content-scripts/crm.js' },
    ]);
    expect(await service.isEnabled(SITE)).toBe(true);
    expect(view.sites.map((s) => [s.origin, s.source, s.granted])).toEqual([
      [DEMO, 'builtin', true],
      [SITE, 'user', true],
    ]);
    expect(events.some((e) => e.type === 'sites-changed')).toBe(true);
  });

  it('enable without the permission (prompt denied) stores and registers nothing', async () => {
    const { service, scripts } = setup();
    await expect(service.enable(SITE)).rejects.toThrow(/no access to localhost:4321/);
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(scripts.size).toBe(0);
    expect(await service.isEnabled(SITE)).toBe(false);
  });

  it('a reconcile racing the enable (permissions.onAdded fires as the page sends enableSite) registers once, without error', async () => {
    const { service, scripts } = setup({ granted: [PATTERN] });
    await Promise.all([service.reconcile(), service.enable(SITE), service.reconcile(), service.enable(SITE)]);
    expect([...scripts.keys()]).toEqual([scriptIdFor(SITE)]);
  });

  it('enabling twice registers once', async () => {
    const { service, scripts } = setup({ granted: [PATTERN] });
    await service.enable(SITE);
    await service.enable(SITE);
    expect(scripts.size).toBe(1);
    expect(await enabledSitesItem.getValue()).toHaveLength(1);
  });

  it('disable: unregisters, stops the open tabs, gives the permission back, drops the site', async () => {
    const { service, scripts, granted, stopped } = setup({ granted: [PATTERN], tabs: { [PATTERN]: [7] } });
    await service.enable(SITE);
    await service.disable(SITE);
    expect(scripts.size).toBe(0);
    expect(stopped).toEqual([7]);
    expect(granted.has(PATTERN)).toBe(false);
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(await service.isEnabled(SITE)).toBe(false);
  });

  it('disable still works when the permission is required by the manifest (e2e flavour): the list decides', async () => {
    const { service, granted } = setup({ granted: [PATTERN], required: [PATTERN] });
    await service.enable(SITE);
    await service.disable(SITE);
    expect(granted.has(PATTERN)).toBe(true);
    expect(await service.isEnabled(SITE)).toBe(false);
  });

  it('a permission removed outside (chrome://extensions) disables the site at the next reconcile', async () => {
    const { service, scripts, granted } = setup({ granted: [PATTERN] });
    await service.enable(SITE);
    granted.delete(PATTERN);
    await service.reconcile();
    expect(scripts.size).toBe(0);
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(await service.isEnabled(SITE)).toBe(false);
  });

  it('reconcile registers what is listed and granted but missing (e.g. registrations lost) and removes strays', async () => {
    const { service, scripts } = setup({ granted: [PATTERN] });
    await enabledSitesItem.setValue([{ origin: SITE, addedAt: 1 }]);
    scripts.set(scriptIdFor('https://gone.example.com'), {
      id: scriptIdFor('https://gone.example.com'),
      matches: [],
      js: [],
      runAt: 'document_start',
      allFrames: true,
      persistAcrossSessions: true,
    });
    expect(await service.reconcile()).toEqual([SITE]);
    expect([...scripts.keys()]).toEqual([scriptIdFor(SITE)]);
  });

  it('policy sites: listed, enabled once granted, never disabled by the user; a throwing policy read is no policy', async () => {
    const policySite = 'https://crm.example.com';
    const { service, scripts, granted, setManaged } = setup({ managed: { enabledSites: [policySite], lockReason: 'Set by IT' } });
    expect(await service.status(policySite)).toMatchObject({ state: 'policy-needs-access', canDisable: false, lockReason: 'Set by IT' });
    granted.add(`${policySite}/*`);
    await service.enable(policySite);
    expect(await enabledSitesItem.getValue()).toEqual([]); // the policy holds it, not the user's list
    expect(scripts.has(scriptIdFor(policySite))).toBe(true);
    expect(await service.status(policySite)).toMatchObject({ state: 'policy', canDisable: false });
    await expect(service.disable(policySite)).rejects.toThrow(/IT policy/);
    setManaged(undefined);
    await service.policyChanged();
    expect(scripts.has(scriptIdFor(policySite))).toBe(false);
  });

  it("a policy that locks the site list refuses the user's enable and disable, and still lets a policy site be granted", async () => {
    const policySite = 'https://crm.example.com';
    let locked = false;
    const { service, scripts, granted } = setup({ granted: [PATTERN, `${policySite}/*`], managed: { enabledSites: [policySite] } }, async () => {
      if (locked) throw new HandlerError('forbidden', 'Enabled sites are locked by your IT policy.');
    });
    await service.enable(SITE);
    locked = true;
    await expect(service.disable(SITE)).rejects.toThrow(/locked/);
    expect(await enabledSitesItem.getValue()).toEqual([{ origin: SITE, addedAt: 1000 }]);
    expect(scripts.has(scriptIdFor(SITE))).toBe(true);
    const other = 'http://localhost:5555';
    granted.add(`${other}/*`);
    await expect(service.enable(other)).rejects.toThrow(/locked/);
    expect((await enabledSitesItem.getValue()).map((site) => site.origin)).toEqual([SITE]);
    await service.enable(policySite);
    expect(scripts.has(scriptIdFor(policySite))).toBe(true);
  });

  it('the demo CRM is registered like any site, can be turned off (it stays off) and on again', async () => {
    const DEMO_PATTERN = `${DEMO}/*`;
    const { service, scripts, stopped, injected } = setup({ required: [DEMO_PATTERN], granted: [DEMO_PATTERN], tabs: { [DEMO_PATTERN]: [3] } }, undefined, [
      DEMO,
    ]);
    await service.reconcile();
    expect([...scripts.keys()]).toEqual([scriptIdFor(DEMO)]);
    expect(await service.status(DEMO)).toMatchObject({ state: 'builtin', canDisable: true });
    await service.disable(DEMO);
    expect(scripts.size).toBe(0);
    expect(stopped).toEqual([3]);
    expect(await service.isEnabled(DEMO)).toBe(false); // the router refuses its pages: a local process on that port feeds nothing
    expect(await service.status(DEMO)).toMatchObject({ state: 'not-enabled', canDisable: false });
    await service.reconcile(); // a new worker, an update: still off
    expect(scripts.size).toBe(0);
    await service.enable(DEMO);
    expect([...scripts.keys()]).toEqual([scriptIdFor(DEMO)]);
    expect(injected).toEqual([{ tabId: 3, file: 'content-scripts/crm.js' }]);
    expect(await service.isEnabled(DEMO)).toBe(true);
  });

  it('after an install or update, every active site’s open tabs are started once', async () => {
    const DEMO_PATTERN = `${DEMO}/*`;
    const { service, injected } = setup({ granted: [DEMO_PATTERN, PATTERN], tabs: { [DEMO_PATTERN]: [3], [PATTERN]: [7, 8] } }, undefined, [DEMO]);
    await enabledSitesItem.setValue([{ origin: SITE, addedAt: 1 }]);
    await service.injectAllOpenTabs(new Set([SITE])); // SITE's tabs were started by the start-up reconcile
    expect(injected).toEqual([{ tabId: 3, file: 'content-scripts/crm.js' }]);
    await service.injectAllOpenTabs();
    expect(injected.map((i) => i.tabId).sort()).toEqual([3, 3, 7, 8]);
  });
});
