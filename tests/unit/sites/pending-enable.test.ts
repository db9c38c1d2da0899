import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { finishPendingEnables, forgetPendingEnable, grantedPending, markPendingEnable, pendingEnableItem } from '@/lib/sites/pending-enable';

beforeEach(() => fakeBrowser.reset());

describe('pending site enables (the popup may close while the permission prompt has focus)', () => {
  it('matches granted patterns with the port (Chrome) or without (Firefox)', () => {
    const pending = ['http://localhost:4321', 'https://crm.example.com'];
    expect(grantedPending(pending, ['http://localhost:4321/*'], true)).toEqual(['http://localhost:4321']);
    expect(grantedPending(pending, ['http://localhost/*'], false)).toEqual(['http://localhost:4321']);
    expect(grantedPending(pending, ['http://localhost/*'], true)).toEqual([]);
    expect(grantedPending(pending, ['https://other.example.com/*'], true)).toEqual([]);
  });

  it('onAdded enables the asked-for origin once and leaves other pending origins waiting', async () => {
    await markPendingEnable('http://localhost:4321');
    await markPendingEnable('http://localhost:4321');
    await markPendingEnable('https://crm.example.com');
    expect(await pendingEnableItem.getValue()).toEqual(['http://localhost:4321', 'https://crm.example.com']);
    const enable = vi.fn(async () => undefined);
    expect(await finishPendingEnables(['http://localhost:4321/*'], true, enable)).toEqual(['http://localhost:4321']);
    expect(enable).toHaveBeenCalledExactlyOnceWith('http://localhost:4321');
    expect(await pendingEnableItem.getValue()).toEqual(['https://crm.example.com']);
    // A second event for the same grant does nothing: it was taken.
    expect(await finishPendingEnables(['http://localhost:4321/*'], true, enable)).toEqual([]);
    expect(enable).toHaveBeenCalledTimes(1);
  });

  it('a grant nobody asked for through the extension (chrome://extensions) is not added to the list', async () => {
    const enable = vi.fn(async () => undefined);
    expect(await finishPendingEnables(['https://crm.example.com/*'], true, enable)).toEqual([]);
    expect(enable).not.toHaveBeenCalled();
  });

  it('the page that saw the outcome forgets its origin', async () => {
    await markPendingEnable('https://crm.example.com');
    await forgetPendingEnable('https://crm.example.com');
    expect(await pendingEnableItem.getValue()).toEqual([]);
  });
});
