import { describe, expect, it } from 'vitest';
import { requestSchemasOf } from '@/lib/messaging/commands';
import { sitesCommands } from '@/lib/sites/sites-commands';

const sitesRequestSchemas = requestSchemasOf(sitesCommands);

describe('sites message schemas', () => {
  it('take only normalised origins: one site, one spelling', () => {
    const ok = (origin: string) => sitesRequestSchemas.enableSite.safeParse({ origin }).success;
    expect(ok('https://crm.example.com')).toBe(true);
    expect(ok('http://localhost:4321')).toBe(true);
    expect(ok('https://CRM.Example.com')).toBe(false);
    expect(ok('https://crm.example.com:443')).toBe(false);
    expect(ok('https://crm.example.com/')).toBe(false);
    expect(ok('https://crm.example.com/app')).toBe(false);
    expect(ok('chrome://extensions')).toBe(false);
    expect(sitesRequestSchemas.disableSite.safeParse({ origin: 'HTTP://localhost:80' }).success).toBe(false);
    expect(sitesRequestSchemas.getSiteStatus.safeParse({ origin: null }).success).toBe(true);
  });
});
