import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSiteService } from '@/lib/background/sites-service';
import { createClient } from '@/lib/messaging/client';
import { disabledDefaultSitesItem, enabledSitesItem } from '@/lib/sites/enabled-sites-item';
import { outcomeNotice, requestAndEnable } from '@/lib/sites/enable-flow';
import { fakeSitesApi } from './fake-sites-api';

const SITE = 'https://crm.example.com';
const PATTERN = 'https://crm.example.com/*';

beforeEach(() => fakeBrowser.reset());

/** The page and the background wired as in the extension, with the permission prompt answered by `answer`. */
function wire(answer: (origins: string[]) => Promise<boolean>) {
  const fake = fakeSitesApi();
  const service = createSiteService({
    api: fake.api,
    userSites: { get: () => enabledSitesItem.getValue(), set: (value) => enabledSitesItem.setValue(value) },
    builtin: [],
    disabledBuiltin: { get: () => disabledDefaultSitesItem.getValue(), set: (value) => disabledDefaultSitesItem.setValue(value) },
    contentScript: 'content-scripts/crm.js',
    portInPattern: true,
    emit: () => undefined,
    now: () => 5,
  });
  const background = vi.fn(async (message: unknown) => {
    const { payload } = message as { payload: { origin: string } };
    try {
      return { ok: true, data: await service.enable(payload.origin) };
    } catch (error) {
      return { ok: false, error: { code: 'forbidden', message: (error as Error).message } };
    }
  });
  // The prompt grants what it says it grants.
  const request = vi.fn(async (origins: string[]) => {
    const granted = await answer(origins);
    if (granted) origins.forEach((origin) => fake.granted.add(origin));
    return granted;
  });
  return { fake, background, request, deps: { request, send: createClient(background), portInPattern: true } };
}

describe('requestAndEnable (the popup and options half of the flow)', () => {
  it('asks the browser for exactly the site’s pattern, synchronously, before anything else', () => {
    const { deps, request, background } = wire(() => new Promise(() => undefined));
    void requestAndEnable(SITE, deps);
    expect(request).toHaveBeenCalledWith([PATTERN]); // called in the same task as the click
    expect(background).not.toHaveBeenCalled();
  });

  it('granted: the background stores and registers the site', async () => {
    const { deps, fake } = wire(async () => true);
    const outcome = await requestAndEnable(SITE, deps);
    expect(outcome.ok).toBe(true);
    expect(await enabledSitesItem.getValue()).toEqual([{ origin: SITE, addedAt: 5 }]);
    expect(fake.scripts.size).toBe(1);
  });

  it('denied or cancelled prompt: "denied", nothing stored or registered, the background never asked', async () => {
    const { deps, fake, background } = wire(async () => false);
    expect(await requestAndEnable(SITE, deps)).toEqual({ ok: false, reason: 'denied' });
    expect(background).not.toHaveBeenCalled();
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(fake.scripts.size).toBe(0);
  });

  it('a prompt that cannot be shown (no user gesture) is an error with the browser’s words, nothing stored', async () => {
    const { deps, fake } = wire(() => Promise.reject(new Error('This function must be called during a user gesture')));
    expect(await requestAndEnable(SITE, deps)).toEqual({ ok: false, reason: 'error', message: 'This function must be called during a user gesture' });
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(fake.scripts.size).toBe(0);
  });

  it('the background refusing (permission not actually held) is reported, nothing stored', async () => {
    const { deps, fake, request } = wire(async () => true);
    request.mockImplementationOnce(async () => true); // says yes without granting
    const outcome = await requestAndEnable(SITE, deps);
    expect(outcome).toMatchObject({ ok: false, reason: 'error' });
    expect(outcome.ok === false && outcome.reason === 'error' && outcome.message).toMatch(/no access/);
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(fake.scripts.size).toBe(0);
  });
});

describe('outcomeNotice', () => {
  const words = { enabled: 'Enabled.', denied: 'Access was not granted, so nothing changed.' };
  it('a denied prompt says so plainly; other failures carry their own words', () => {
    expect(outcomeNotice({ ok: false, reason: 'denied' }, words)).toEqual({ tone: 'error', text: words.denied });
    expect(outcomeNotice({ ok: false, reason: 'error', message: 'no gesture' }, words)).toEqual({ tone: 'error', text: 'no gesture' });
    expect(outcomeNotice({ ok: true, view: { sites: [], lockReason: null, policyProblems: [] } }, words)).toEqual({ tone: 'ok', text: words.enabled });
  });
});
