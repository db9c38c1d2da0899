import { describe, expect, it } from 'vitest';
import { matchPatternFor, parseSiteInput, scriptIdFor, siteLabel, siteOriginOf, SCRIPT_ID_PREFIX } from '../../../lib/sites/origins';

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
    expect(id).toBe(`${SCRIPT_ID_PREFIX}http-localhost-4321`);
    expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(scriptIdFor('https://a.example.com')).not.toBe(scriptIdFor('https://b.example.com'));
  });
});

describe('siteLabel', () => {
  it('shows host and port', () => {
    expect(siteLabel('http://localhost:4321')).toBe('localhost:4321');
    expect(siteLabel('https://crm.example.com')).toBe('crm.example.com');
    expect(siteLabel('garbage')).toBe('garbage');
  });
});
