import { describe, expect, it } from 'vitest';
import schemaJson from '@/public/managed-schema.json';
import { isLocked, LOCKABLE_SETTINGS, managedPolicySchema, readPolicy } from '@/lib/policy/managed-policy';

describe('readPolicy', () => {
  it('keeps valid keys and drops each invalid one with a reason', () => {
    const { policy, problems } = readPolicy({
      enabledSites: ['https://crm.example.com'],
      tierThresholds: [0.2, 0.1],
      locked: ['enabledSites'],
      colour: 'blue',
    });
    expect(policy).toEqual({ enabledSites: ['https://crm.example.com'], locked: ['enabledSites'] });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/^tierThresholds: /m);
    expect(problems.join('\n')).toMatch(/^colour: not a Churn Radar policy key/m);
  });
  it('rejects an origin with a path or a wildcard', () => {
    expect(readPolicy({ enabledSites: ['https://crm.example.com/app'] }).policy.enabledSites).toBeUndefined();
    expect(readPolicy({ enabledSites: ['https://*.example.com'] }).policy.enabledSites).toBeUndefined();
  });
  it('treats no policy as an empty one', () => {
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy({})).toEqual({ policy: {}, problems: [] });
  });
  it('reports what is locked', () => {
    const { policy } = readPolicy({ locked: ['tierThresholds'] });
    expect(isLocked(policy, 'tierThresholds')).toBe(true);
    expect(isLocked(policy, 'playbook')).toBe(false);
  });
  it('declares the same keys and lockable settings as the browser schema', () => {
    expect(Object.keys(schemaJson.properties).sort()).toEqual(Object.keys(managedPolicySchema.shape).sort());
    expect(schemaJson.properties.locked.items.enum).toEqual([...LOCKABLE_SETTINGS]);
  });
});
