import { describe, expect, it } from 'vitest';
import { isSiteOrigin, matchPatternFor, originFromPolicy, parseSiteInput, scriptIdFor, siteLabel, siteOriginOf, SCRIPT_ID_PREFIX } from '@/lib/sites/origins';

describe('siteOriginOf', () => {
  it('gives the origin of http and https pages', () => {
    expect(siteOriginOf('https://CRM.Example.com/app/accounts?x=1#top')).toBe('https://crm.example.com');
    expect(siteOriginOf('http://localhost:4321/suitecrm.html')).toBe('http://localhost:4321');
    expect(siteOriginOf('https://crm.example.com:443/')).toBe('https://crm.example.com');
  });
  it('is null for browser pages, files, extension pages and junk', () => {
    for (const url of ['chrome://extensions', 'file:///tmp/a.html', 'chrome-extension://abc/popup.html', 'about:blank', 'not a url', '', undefined, null]) {
      expect(siteOriginOf(url)).toBeNull();
    }
  });
});

describe('parseSiteInput', () => {
  it('accepts full URLs, bare hosts and localhost', () => {
    expect(parseSiteInput(' https://crm.example.com/app#/accounts ')).toBe('https://crm.example.com');
    expect(parseSiteInput('crm.example.com')).toBe('https://crm.example.com');
    expect(parseSiteInput('crm.example.com/accounts')).toBe('https://crm.example.com');
    expect(parseSiteInput('localhost:8080')).toBe('http://localhost:8080');
    expect(parseSiteInput('10.0.0.5:8069')).toBe('http://10.0.0.5:8069');
    expect(parseSiteInput('http://crm.internal:8080/x')).toBe('http://crm.internal:8080');
  });
  it('rejects what is not a web site', () => {
    for (const text of ['', '   ', 'crm', 'ftp://crm.example.com', 'chrome://extensions', 'two words.com', 'file:///etc', '...']) {
      expect(parseSiteInput(text), text).toBeNull();
    }
  });
});

describe('matchPatternFor', () => {
  it('keeps the port for Chrome and drops it for Firefox', () => {
    expect(matchPatternFor('http://localhost:4321')).toBe('http://localhost:4321/*');
    expect(matchPatternFor('https://crm.example.com')).toBe('https://crm.example.com/*');
    expect(matchPatternFor('http://localhost:4321', { portInPattern: false })).toBe('http://localhost/*');
  });
});

describe('scriptIdFor', () => {
  it('names a registration after its origin, with our prefix, in safe characters', () => {
    const id = scriptIdFor('http://localhost:4321');
    expect(id).toBe(`${SCRIPT_ID_PREFIX}${Buffer.from('http://localhost:4321').toString('hex')}`);
    expect(id).toMatch(/^crm-site-[0-9a-f]+$/);
    expect(scriptIdFor('https://a.example.com')).not.toBe(scriptIdFor('https://b.example.com'));
  });

  it('never gives two origins the same id (a slug made a-b.com and a.b.com collide)', () => {
    const origins = ['https://a-b.com', 'https://a.b.com', 'https://a_b.com', 'http://a-b.com', 'https://a-b.com:8443', 'https://xn--bcher-kva.example'];
    expect(new Set(origins.map(scriptIdFor)).size).toBe(origins.length);
  });
});

describe('siteLabel', () => {
  it('shows host and port', () => {
    expect(siteLabel('http://localhost:4321')).toBe('localhost:4321');
    expect(siteLabel('https://crm.example.com')).toBe('crm.example.com');
    expect(siteLabel('garbage')).toBe('garbage');
  });
});

describe('isSiteOrigin / originFromPolicy', () => {
  it('isSiteOrigin accepts only the normalised spelling', () => {
    expect(isSiteOrigin('https://crm.example.com')).toBe(true);
    expect(isSiteOrigin('https://crm.example.com:443')).toBe(false);
    expect(isSiteOrigin('https://Crm.example.com')).toBe(false);
    expect(isSiteOrigin('ftp://crm.example.com')).toBe(false);
  });

  it('originFromPolicy normalises what an admin typed and refuses paths, queries and wildcards', () => {
    expect(originFromPolicy('https://CRM.Example.com:443/')).toBe('https://crm.example.com');
    expect(originFromPolicy('http://localhost:8080')).toBe('http://localhost:8080');
    expect(originFromPolicy('https://crm.example.com/app')).toBeNull();
    expect(originFromPolicy('https://crm.example.com?x=1')).toBeNull();
    expect(originFromPolicy('https://*.example.com')).toBeNull();
    expect(originFromPolicy('https://user@crm.example.com')).toBeNull();
    expect(originFromPolicy('file:///etc')).toBeNull();
  });
});
