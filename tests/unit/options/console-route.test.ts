import { describe, expect, it } from 'vitest';
import { hashFor, routeFromHash } from '@/entrypoints/options/tabs/tab-registry';

describe('console routes', () => {
  it('opens the first tab for an empty or unknown hash', () => {
    expect(routeFromHash('')).toEqual({ tab: 'dashboard', section: null });
    expect(routeFromHash('#/nonsense')).toEqual({ tab: 'dashboard', section: null });
  });
  it('reads a tab and a section', () => {
    expect(routeFromHash('#/risk/profit')).toEqual({ tab: 'risk', section: 'profit' });
    expect(routeFromHash('#/models')).toEqual({ tab: 'models', section: null });
  });
  it('sends old single-page anchors to the tab that now holds them', () => {
    expect(routeFromHash('#train')).toEqual({ tab: 'models', section: 'train' });
    expect(routeFromHash('#tiers')).toEqual({ tab: 'risk', section: 'tiers' });
  });
  it('round-trips through hashFor', () => {
    for (const route of [
      { tab: 'sites', section: 'mapping' },
      { tab: 'privacy', section: null },
    ] as const) {
      expect(routeFromHash(hashFor(route))).toEqual(route);
    }
  });
});
