import { describe, expect, it, vi } from 'vitest';
import { createRouter, HandlerError, messageListener, type Handlers, type SenderInfo } from '@/lib/background/router';

const EXT = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const CRM = 'http://crm.test';

function setup(overrides: Partial<Handlers> = {}) {
  const handlers = {
    scanPage: vi.fn(async () => ({ scores: [] })),
    focusCustomer: vi.fn(async () => null),
    openSidePanel: vi.fn(async () => null),
    getCustomerView: vi.fn(async () => null),
    getModelInfo: vi.fn(async () => null),
    getTierThresholds: vi.fn(async () => ({ thresholds: [0.1, 0.2, 0.3, 0.4] })),
    ...overrides,
  } as Handlers;
  const route = createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, isSiteEnabled: (o) => o === CRM, handlers });
  return { route, handlers };
}

const fromCrm: SenderInfo = { id: EXT, url: `${CRM}/customers`, tab: { id: 7, url: `${CRM}/customers` } };
const fromPage: SenderInfo = { id: EXT, url: `${ORIGIN}sidepanel.html` };
const envelope = (type: string, payload: unknown) => ({ channel: 'churn-radar', type, payload });
const scan = { url: `${CRM}/customers`, pageKind: 'list', adapter: 'demo', customers: [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }] };

describe('router', () => {
  it('ignores messages that are not on our channel', async () => {
    const { route } = setup();
    expect(await route({ hello: 1 }, fromCrm)).toBeUndefined();
    expect(await route('text', fromCrm)).toBeUndefined();
  });

  it('passes a valid content-script request with the site taken from the sender, not the payload', async () => {
    const { route, handlers } = setup();
    const reply = await route(envelope('scanPage', scan), fromCrm);
    expect(reply).toEqual({ ok: true, data: { scores: [] } });
    expect(handlers.scanPage).toHaveBeenCalledWith(scan, { site: CRM, tabId: 7 });
  });

  it('rejects another extension', async () => {
    const { route } = setup();
    expect(await route(envelope('getModelInfo', {}), { ...fromPage, id: 'evil' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('rejects content-script messages from a site that is not enabled', async () => {
    const { route, handlers } = setup();
    const sender = { id: EXT, url: 'https://evil.test/', tab: { id: 1, url: 'https://evil.test/' } };
    expect(await route(envelope('scanPage', scan), sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.scanPage).not.toHaveBeenCalled();
  });

  it("files a frame's messages under the frame's own origin, not the top page's", async () => {
    const { handlers } = setup();
    const OTHER = 'https://other-crm.test';
    const enabled = new Set([CRM, OTHER]);
    const both = createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, isSiteEnabled: (o) => enabled.has(o), handlers });
    const frame: SenderInfo = { id: EXT, url: `${OTHER}/embed`, origin: OTHER, tab: { id: 7, url: `${CRM}/customers` } };
    expect(await both(envelope('scanPage', scan), frame)).toMatchObject({ ok: true });
    expect(handlers.scanPage).toHaveBeenLastCalledWith(scan, { site: OTHER, tabId: 7 });
    // Firefox gives no sender.origin: the frame's url decides.
    await both(envelope('scanPage', scan), { ...frame, origin: undefined });
    expect(handlers.scanPage).toHaveBeenLastCalledWith(scan, { site: OTHER, tabId: 7 });
  });

  it('rejects a disabled frame inside an enabled page, and a sender without a tab', async () => {
    const { route, handlers } = setup();
    const frame: SenderInfo = { id: EXT, url: 'https://ads.test/frame', origin: 'https://ads.test', tab: { id: 7, url: `${CRM}/customers` } };
    expect(await route(envelope('scanPage', scan), frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(envelope('scanPage', scan), { id: EXT, url: `${CRM}/customers` })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.scanPage).not.toHaveBeenCalled();
  });

  it('rejects extension-page requests coming from a CRM page', async () => {
    const { route } = setup();
    expect(await route(envelope('getCustomerView', {}), fromCrm)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('rejects the wrong shape with a message naming the field', async () => {
    const { route } = setup();
    const bad = { ...scan, pageKind: 'grid' };
    const reply = await route(envelope('scanPage', bad), fromCrm);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(reply)).toContain('pageKind');
  });

  it('drops the bad rows of a page, not the page, and tells the handler how many', async () => {
    const onRejectedRows = vi.fn();
    const handlers = { scanPage: vi.fn(async () => ({ scores: [] })) } as unknown as Handlers;
    const route = createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, isSiteEnabled: () => true, handlers, onRejectedRows });
    const longName = 'x'.repeat(600); // a web-to-lead company name past the 512-character cap
    const rows = [
      { crmId: 'a', name: 'Ann', fields: {} },
      { crmId: 'b', name: longName, fields: {} },
      { crmId: '', name: 'No id', fields: {} },
      { crmId: 'c', name: 'Cy', fields: { Note: 'y'.repeat(5000) } },
      { crmId: 'd', name: 'Di', fields: {} },
    ];
    const reply = await route(envelope('scanPage', { ...scan, customers: rows }), fromCrm);
    expect(reply).toMatchObject({ ok: true });
    const [payload, context] = (handlers.scanPage as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(payload.customers.map((c: { crmId: string }) => c.crmId)).toEqual(['a', 'd']);
    // Each left-out row by its index as sent and its problem, so the page marks exactly those badges.
    expect(context).toMatchObject({
      site: CRM,
      rejectedRows: [
        { index: 1, problem: expect.stringMatching(/^name: /) },
        { index: 2, problem: expect.stringMatching(/^crmId: /) },
        { index: 3, problem: expect.stringMatching(/^fields\.Note: /) },
      ],
    });
    expect(onRejectedRows).toHaveBeenCalledWith('scanPage', 3, expect.stringContaining('customers.1.name'));
  });

  it('still refuses a page whose problem is not inside a row', async () => {
    const { route, handlers } = setup();
    const tooMany = { ...scan, customers: Array.from({ length: 5001 }, (_, i) => ({ crmId: `c${i}`, name: 'n', fields: {} })) };
    expect(await route(envelope('scanPage', tooMany), fromCrm)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(handlers.scanPage).not.toHaveBeenCalled();
  });

  it('answers every message on our channel, even when routing itself throws, and leaves other channels alone', async () => {
    const broken = (async () => {
      throw new Error('boom');
    }) as unknown as ReturnType<typeof createRouter>;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const listener = messageListener(broken);
    const answered = new Promise((resolve) => expect(listener(envelope('getModelInfo', {}), fromPage, resolve)).toBe(true));
    await expect(answered).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    const other = vi.fn();
    expect(listener({ channel: 'someone-else' }, fromPage, other)).toBe(false);
    expect(other).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('rejects unknown extra keys and unknown types', async () => {
    const { route } = setup();
    expect(await route(envelope('getModelInfo', { sneaky: true }), fromPage)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await route(envelope('dropTables', {}), fromPage)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('maps handler failures to error codes instead of crashing', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { route } = setup({
      getModelInfo: async () => {
        throw quota;
      },
      getTierThresholds: async () => {
        throw new HandlerError('not-found', 'nothing');
      },
    });
    const storage = await route(envelope('getModelInfo', {}), fromPage);
    expect(storage).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(JSON.stringify(storage)).toMatch(/storage space/);
    expect(await route(envelope('getTierThresholds', {}), fromPage)).toEqual({ ok: false, error: { code: 'not-found', message: 'nothing' } });
  });
});
