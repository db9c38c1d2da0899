/**
 * Sites are origins (scheme + host + port): the unit a browser grants host
 * access to and the key every stored customer is filed under.
 */

/** The origin of a web page (http/https only); null for browser pages, files, extension pages and junk. */
export function siteOriginOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** True when the text is already a normalised site origin (lower-case host, no default port, no path): the form every message and file uses. */
export function isSiteOrigin(text: string): boolean {
  return siteOriginOf(text) === text;
}

/**
 * The origin an admin wrote in a policy, normalised ("https://CRM.Example.com:443/" → "https://crm.example.com");
 * null when it is more than an origin (a path, a query, a wildcard, a user name).
 */
export function originFromPolicy(text: string): string | null {
  const origin = siteOriginOf(text);
  if (!origin || text.includes('*')) return null;
  const url = new URL(text);
  return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !/\s/.test(text) ? origin : null;
}

/**
 * What a person types into "add a site": "crm.example.com", "https://crm.example.com/app#/accounts",
 * "localhost:8080". A bare host gets https (http for localhost and IP addresses, which rarely have TLS).
 */
export function parseSiteInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return siteOriginOf(trimmed);
  const host = trimmed.split(/[/?#]/)[0]!;
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) || !/[a-z0-9]/i.test(host)) return null;
  const plain = /^(localhost|\d{1,3}(\.\d{1,3}){3})(:\d+)?$/i.test(host);
  const origin = siteOriginOf(`${plain ? 'http' : 'https'}://${trimmed}`);
  // A host needs a dot (crm.example.com) unless it is localhost: "foo" is a typo, not a site.
  if (!origin || (!plain && !new URL(origin).hostname.includes('.'))) return null;
  return origin;
}

/**
 * The match pattern granting one origin. Chrome accepts a port in the host
 * ("http://localhost:8080/*"); Firefox does not, so there the pattern covers
 * the host on every port (the origin list still decides what is enabled).
 */
export function matchPatternFor(origin: string, options: { portInPattern?: boolean } = {}): string {
  const url = new URL(origin);
  const host = options.portInPattern === false ? url.hostname : url.host;
  return `${url.protocol}//${host}/*`;
}

/** Registered content scripts are named after their origin, so a reconcile can tell ours apart. */
export const SCRIPT_ID_PREFIX = 'crm-site-';

/**
 * Hex of the UTF-8 origin: one id per origin, never shared (a readable slug
 * made https://a-b.com and https://a.b.com the same id). Ids from the old
 * scheme still carry the prefix, so the next reconcile replaces them.
 */
export function scriptIdFor(origin: string): string {
  const hex = Array.from(new TextEncoder().encode(origin), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return SCRIPT_ID_PREFIX + hex;
}

/** "https://crm.example.com" → "crm.example.com" (ports kept: localhost:8080). */
export function siteLabel(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
