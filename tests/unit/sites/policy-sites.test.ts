import { describe, expect, it } from 'vitest';
import { readPolicy } from '@/lib/policy/managed-policy';
import { policySitesOf } from '@/lib/sites/policy-sites';

describe('policySitesOf', () => {
  it('normalises the policy’s origins and keeps the lock reason', () => {
    expect(
      policySitesOf(readPolicy({ enabledSites: ['https://CRM.example.com', 'https://crm.example.com', 'http://odoo.local:8069'], lockReason: 'Set by IT' })),
    ).toEqual({
      sites: ['https://crm.example.com', 'http://odoo.local:8069'],
      problems: [],
      lockReason: 'Set by IT',
    });
  });
  it('a broken enabledSites is dropped and reported, nothing half-applied', () => {
    const read = policySitesOf(readPolicy({ enabledSites: ['https://ok.example.com', 'https://bad.example.com/path'] }));
    expect(read.sites).toEqual([]);
    expect(read.problems[0]).toMatch(/^enabledSites:/);
  });
  it('no policy is no sites', () => {
    expect(policySitesOf(readPolicy(undefined))).toEqual({ sites: [], problems: [] });
    expect(policySitesOf({ policy: {}, problems: [] })).toEqual({ sites: [], problems: [] });
  });
});
