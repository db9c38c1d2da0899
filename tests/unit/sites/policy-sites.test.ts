import { describe, expect, it } from 'vitest';
import { policySitesOf, readManagedStorage } from '../../../lib/sites/policy-sites';

describe('policySitesOf', () => {
  it('normalises the policy’s origins and keeps the lock reason', () => {
    expect(policySitesOf({ enabledSites: ['https://CRM.example.com', 'https://crm.example.com', 'http://odoo.local:8069'], lockReason: 'Set by IT' })).toEqual({
      sites: ['https://crm.example.com', 'http://odoo.local:8069'],
      problems: [],
      lockReason: 'Set by IT',
    });
  });
  it('a broken enabledSites is dropped and reported, nothing half-applied', () => {
    const read = policySitesOf({ enabledSites: ['https://ok.example.com', 'https://bad.example.com/path'] });
    expect(read.sites).toEqual([]);
    expect(read.problems[0]).toMatch(/^enabledSites:/);
  });
  it('no policy is no sites', () => {
    expect(policySitesOf(undefined)).toEqual({ sites: [], problems: [] });
    expect(policySitesOf({})).toEqual({ sites: [], problems: [] });
  });
});

describe('readManagedStorage', () => {
  it('treats a missing or throwing managed area as no policy', async () => {
    expect(await readManagedStorage(undefined)).toBeUndefined();
    expect(await readManagedStorage(() => Promise.reject(new Error('Managed storage is not supported')))).toBeUndefined();
    expect(await readManagedStorage(() => Promise.resolve({ enabledSites: ['https://a.example.com'] }))).toEqual({ enabledSites: ['https://a.example.com'] });
  });
});
