import { describe, expect, it } from 'vitest';
import { settingsDroppedOnErase, settingsKeptOnErase, settingsWithoutSite } from '@/lib/privacy/erase-keep';

describe('settingsKeptOnErase', () => {
  it('keeps the enabled sites and their version metadata, nothing else', () => {
    const local = { enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 }, tierThresholds: [0.1, 0.2, 0.3, 0.4], playbook: {} };
    expect(settingsKeptOnErase(local)).toEqual({ enabledSites: [{ origin: 'https://crm.example.com' }], enabledSites$: { v: 1 } });
  });
  it('keeps nothing when no site was enabled', () => {
    expect(settingsKeptOnErase({ retentionDays: 90 })).toEqual({});
  });
  it('keeps the built-in sites the user turned off (erasing must not turn them back on)', () => {
    expect(settingsKeptOnErase({ disabledDefaultSites: ['http://127.0.0.1:4178'], retentionDays: 90 })).toEqual({
      disabledDefaultSites: ['http://127.0.0.1:4178'],
    });
  });
});

describe('settingsDroppedOnErase', () => {
  it('names every stored key but the kept ones, so the kept ones are never removed and written back', () => {
    const local = {
      enabledSites: [],
      enabledSites$: { v: 1 },
      disabledDefaultSites: [],
      tierThresholds: [0.1],
      tierThresholds$: { v: 1 },
      fieldMappings: {},
      unsavedRows: 0,
    };
    expect(settingsDroppedOnErase(local).sort()).toEqual(['fieldMappings', 'tierThresholds', 'tierThresholds$', 'unsavedRows']);
    expect(settingsDroppedOnErase({ enabledSites: [] })).toEqual([]);
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
