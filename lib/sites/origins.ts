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

export function scriptIdFor(origin: string): string {
  return SCRIPT_ID_PREFIX + origin.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** "https://crm.example.com" → "crm.example.com" (ports kept: localhost:8080). */
export function siteLabel(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
