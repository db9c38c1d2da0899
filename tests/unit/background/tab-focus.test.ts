import { describe, expect, it, vi } from 'vitest';
import { createTabFocus, type TabTarget } from '../../../lib/background/tab-focus';

function setup(stored: Record<string, TabTarget> = {}) {
  let saved = stored;
  const focus = { set: vi.fn(async () => undefined) };
  const emit = vi.fn();
  const tabs = createTabFocus({ load: async () => saved, save: async (v) => void (saved = v), focus, emit, now: () => 7 });
  return { tabs, focus, emit, saved: () => saved };
}

describe('tab focus', () => {
  it('brings a tab’s customer back into the side panel when the tab is activated', async () => {
    const { tabs, focus, emit } = setup();
    await tabs.remember(1, { site: 's', crmId: 'a' });
    await tabs.remember(2, { site: 's', crmId: 'b' });
    await tabs.activated(1);
    expect(focus.set).toHaveBeenCalledWith({ site: 's', crmId: 'a', tabId: 1, at: 7 });
    expect(emit).toHaveBeenCalledWith({ channel: 'churn-radar-event', type: 'focus-changed', site: 's', crmId: 'a' });
  });

  it('ignores tabs that showed no customer, and forgets closed tabs', async () => {
    const { tabs, focus, saved } = setup({ '3': { site: 's', crmId: 'c' } });
    await tabs.activated(9);
    expect(focus.set).not.toHaveBeenCalled();
    await tabs.closed(3);
    expect(saved()).toEqual({});
    await tabs.activated(3);
    expect(focus.set).not.toHaveBeenCalled();
  });

  it('survives a worker restart through the stored map', async () => {
    const { tabs, focus } = setup({ '5': { site: 's', crmId: 'e' } });
    await tabs.activated(5);
    expect(focus.set).toHaveBeenCalledWith(expect.objectContaining({ crmId: 'e', tabId: 5 }));
  });
});
