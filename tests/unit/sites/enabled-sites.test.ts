import { describe, expect, it } from 'vitest';
import {
  activeOrigins,
  addSite,
  canDisable,
  registrationPlan,
  removeSite,
  siteEntries,
  siteState,
  withoutRevoked,
  type SiteSources,
} from '@/lib/sites/enabled-sites';
import { SCRIPT_ID_PREFIX, scriptIdFor } from '@/lib/sites/origins';

const DEMO = 'http://127.0.0.1:4178';
const sources: SiteSources = {
  builtin: [DEMO],
  user: [
    { origin: 'https://a.example.com', addedAt: 1 },
    { origin: 'https://both.example.com', addedAt: 2 },
  ],
  policy: ['https://both.example.com', 'https://it.example.com'],
};
const granted = (origin: string) => origin !== 'https://it.example.com';

describe('siteEntries', () => {
  it('lists every site once: built-in, then policy (winning over the user entry), then the user', () => {
    expect(siteEntries(sources, granted)).toEqual([
      { origin: DEMO, source: 'builtin', granted: true, addedAt: null },
      { origin: 'https://both.example.com', source: 'policy', granted: true, addedAt: 2 },
      { origin: 'https://it.example.com', source: 'policy', granted: false, addedAt: null },
      { origin: 'https://a.example.com', source: 'user', granted: true, addedAt: 1 },
    ]);
  });
  it('active sites are the granted ones', () => {
    expect(activeOrigins(siteEntries(sources, granted))).toEqual([DEMO, 'https://both.example.com', 'https://a.example.com']);
  });
});

describe('siteState', () => {
  const entries = siteEntries(sources, granted);
  it('names the state of the current tab', () => {
    expect(siteState(null, entries)).toBe('not-web');
    expect(siteState(DEMO, entries)).toBe('builtin');
    expect(siteState('https://a.example.com', entries)).toBe('enabled');
    expect(siteState('https://both.example.com', entries)).toBe('policy');
    expect(siteState('https://it.example.com', entries)).toBe('policy-needs-access');
    expect(siteState('https://other.example.com', entries)).toBe('not-enabled');
  });
  it('a user site whose permission is gone is not enabled', () => {
    expect(
      siteState(
        'https://a.example.com',
        siteEntries(sources, () => false),
      ),
    ).toBe('not-enabled');
  });
});

describe('add, remove, canDisable', () => {
  it('adds once and removes', () => {
    const added = addSite(sources.user, 'https://new.example.com', 9);
    expect(added.at(-1)).toEqual({ origin: 'https://new.example.com', addedAt: 9 });
    expect(addSite(added, 'https://new.example.com', 10)).toEqual(added);
    expect(removeSite(added, 'https://new.example.com')).toEqual(sources.user);
  });
  it('the user’s own sites and the demo CRM can be disabled, policy sites cannot', () => {
    expect(canDisable('https://a.example.com', sources)).toBe(true);
    expect(canDisable('https://both.example.com', sources)).toBe(false);
    expect(canDisable('https://it.example.com', sources)).toBe(false);
    expect(canDisable(DEMO, sources)).toBe(true);
    expect(canDisable(DEMO, { ...sources, builtin: [] })).toBe(false); // turned off already
    expect(canDisable('https://never.example.com', sources)).toBe(false);
  });
  it('drops revoked sites', () => {
    expect(withoutRevoked(sources.user, (origin) => origin === 'https://a.example.com')).toEqual([sources.user[0]]);
  });
});

describe('registrationPlan', () => {
  const own = (id: string) => id.startsWith(SCRIPT_ID_PREFIX);
  it('registers the missing, unregisters the unwanted, leaves other scripts alone', () => {
    const plan = registrationPlan(
      ['https://a.example.com', 'https://b.example.com'],
      [scriptIdFor('https://a.example.com'), scriptIdFor('https://gone.example.com'), 'someone-else'],
      own,
    );
    expect(plan).toEqual({ register: ['https://b.example.com'], unregister: [scriptIdFor('https://gone.example.com')] });
  });
  it('is empty when in step', () => {
    expect(registrationPlan(['https://a.example.com'], [scriptIdFor('https://a.example.com')], own)).toEqual({ register: [], unregister: [] });
  });
});
