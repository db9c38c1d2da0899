import { describe, expect, it } from 'vitest';
import { settingsKeptOnErase } from '../../../lib/privacy/erase-keep';

describe('settingsKeptOnErase', () => {
  it('keeps the enabled sites and their version metadata, nothing else', () => {
    const local = { enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 }, tierThresholds: [0.1, 0.2, 0.3, 0.4], playbook: {} };
    expect(settingsKeptOnErase(local)).toEqual({ enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 } });
  });
  it('keeps nothing when no site was enabled', () => {
    expect(settingsKeptOnErase({ retentionDays: 90 })).toEqual({});
  });
});
