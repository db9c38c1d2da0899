// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliveOnly, announceHandover, endedCheck, endWhenExtensionGone, guardHandover, handoverDone, isOwnLocationChange } from '@/lib/content/lifecycle';
import type { SendMessage } from '@/lib/messaging/client';

const EVENT = 'abcdefgh:crm:wxt:content-script-started';

/** WXT's own listener, as ContentScriptContext registers it: on the document, retiring the copy. */
function wxtListener() {
  const retired = vi.fn();
  document.addEventListener(EVENT, retired);
  return retired;
}

afterEach(() => handoverDone());

describe('the "script started" handover cannot be replayed by the page', () => {
  it('a page-dispatched event never reaches WXT’s listener; a copy that announced itself in this world does', () => {
    const controller = new AbortController();
    guardHandover(window, EVENT, controller.signal);
    const retired = wxtListener();
    const replay = () => document.dispatchEvent(new CustomEvent(EVENT, { detail: { contentScriptName: 'crm', messageId: 'spoof' } }));
    replay();
    document.body.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, detail: { contentScriptName: 'crm', messageId: 'x' } }));
    expect(retired).not.toHaveBeenCalled();
    announceHandover();
    replay();
    expect(retired).toHaveBeenCalledTimes(1);
    handoverDone();
    replay();
    expect(retired).toHaveBeenCalledTimes(1);
    controller.abort();
    replay(); // an ended copy no longer guards (its own WXT listener is gone with it)
    expect(retired).toHaveBeenCalledTimes(2);
  });

  it('only WXT’s own location-change event (with its newUrl) counts', () => {
    expect(isOwnLocationChange(new Event('x'))).toBe(false);
    expect(isOwnLocationChange(Object.assign(new Event('x'), { newUrl: 'https://evil.example/' }))).toBe(false);
    expect(isOwnLocationChange(Object.assign(new Event('x'), { newUrl: new URL('https://crm.example/') }))).toBe(true);
  });
});

describe('a copy whose extension went away', () => {
  const lifetime = () => {
    const controller = new AbortController();
    return { signal: controller.signal, abort: (reason?: unknown) => controller.abort(reason) };
  };

  it('ends itself when runtime.id is gone, checked on a timer', () => {
    vi.useFakeTimers();
    const life = lifetime();
    let id: string | undefined = 'ext';
    endWhenExtensionGone(
      life,
      endedCheck(life, () => id),
      1000,
    );
    vi.advanceTimersByTime(3000);
    expect(life.signal.aborted).toBe(false);
    id = undefined;
    vi.advanceTimersByTime(1000);
    expect(life.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('never acts on an answer or an error that arrives after the end', async () => {
    const life = lifetime();
    let id: string | undefined = 'ext';
    const ended = endedCheck(life, () => id);
    let reject!: (error: Error) => void;
    const raw = vi.fn(() => new Promise((_, no) => (reject = no)));
    const send = aliveOnly(raw as unknown as SendMessage, ended);
    const settled = vi.fn();
    send('getBadgeDetails', { crmId: '1' }).then(settled, settled);
    id = undefined; // the extension was reloaded meanwhile
    reject(new Error('Extension context invalidated.'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).not.toHaveBeenCalled();
    expect(life.signal.aborted).toBe(true);
    void send('getBadgeDetails', { crmId: '2' });
    expect(raw).toHaveBeenCalledTimes(1);
  });

  it('passes answers and errors through while alive', async () => {
    const life = lifetime();
    const ended = endedCheck(life, () => 'ext');
    const send = aliveOnly(vi.fn().mockResolvedValueOnce({ ok: 1 }).mockRejectedValueOnce(new Error('boom')) as unknown as SendMessage, ended);
    await expect(send('getBadgeDetails', { crmId: '1' })).resolves.toEqual({ ok: 1 });
    await expect(send('getBadgeDetails', { crmId: '1' })).rejects.toThrow('boom');
  });
});

describe('a page the background refuses (not an enabled site)', () => {
  it('ends the copy quietly on "forbidden", and only on that', async () => {
    const { MessageError } = await import('@/lib/messaging/client');
    const { endWhenRefused } = await import('@/lib/content/lifecycle');
    const controller = new AbortController();
    const life = { signal: controller.signal, abort: (reason?: unknown) => controller.abort(reason) };
    const raw = vi
      .fn()
      .mockRejectedValueOnce(new MessageError('storage', 'disk full'))
      .mockRejectedValueOnce(new MessageError('forbidden', '"scanPage" is only accepted from an enabled CRM page'));
    const send = aliveOnly(
      endWhenRefused(raw as unknown as SendMessage, life),
      endedCheck(life, () => 'ext'),
    );
    await expect(send('scanPage', {} as never)).rejects.toThrow('disk full');
    expect(life.signal.aborted).toBe(false);
    const settled = vi.fn();
    send('scanPage', {} as never).then(settled, settled);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(life.signal.aborted).toBe(true);
    expect(settled).not.toHaveBeenCalled(); // no "failed" badges from a page it may not read
  });
});
