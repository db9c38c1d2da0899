import { describe, expect, it } from 'vitest';
import { settingsKeptOnErase, settingsWithoutSite } from '../../../lib/privacy/erase-keep';

describe('settingsKeptOnErase', () => {
  it('keeps the enabled sites and their version metadata, nothing else', () => {
    const local = { enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 }, tierThresholds: [0.1, 0.2, 0.3, 0.4], playbook: {} };
    expect(settingsKeptOnErase(local)).toEqual({ enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 } });
  });
  it('keeps nothing when no site was enabled', () => {
    expect(settingsKeptOnErase({ retentionDays: 90 })).toEqual({});
  });
});

describe('settingsWithoutSite', () => {
  const A = 'https://a.test';
  const B = 'https://b.test';
  it('drops the site from its health, field mapping, join choice and date order, and rewrites only those', () => {
    const local = {
      siteHealth: { [A]: { pagesSeen: 3 }, [B]: { pagesSeen: 1 } },
      fieldMappings: { [A]: { fields: {}, updatedAt: 1 } },
      siteJoinBy: { [B]: 'email' },
      siteDateOrder: { [A]: 'dmy', [B]: 'mdy' },
      enabledSites: [{ origin: A, addedAt: 1 }],
    };
    expect(settingsWithoutSite(local, A)).toEqual({ siteHealth: { [B]: { pagesSeen: 1 } }, fieldMappings: {}, siteDateOrder: { [B]: 'mdy' } });
  });
  it('changes nothing for a site no setting holds, or for values of another shape', () => {
    expect(settingsWithoutSite({ siteHealth: { b: 1 }, fieldMappings: [A], siteJoinBy: null }, A)).toEqual({});
  });
});
