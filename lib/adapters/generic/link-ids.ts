import { recordIdFromUrl } from './identity';

/**
 * Record links a list showed, with the customer id the list read for them,
 * for links whose own URL does not name the record: a slug
 * ("/contacts/acme-corp": no digit, so identity.ts does not take it) on a row
 * whose id came from a row attribute, an id column or the e-mail. The detail
 * page at that URL is then the same customer, not a new one (or none).
 *
 * Kept by the content script's adapter instance: across in-app (SPA)
 * navigation, which is how such CRMs open a record; a full page load starts
 * a new content script with an empty memory (the detail page then reads its
 * id from its own fields, as before). At most MAX_REMEMBERED_LINKS, the
 * oldest forgotten first.
 */
const MAX_REMEMBERED_LINKS = 5_000;

/** The page a link opens, as a key: this site's http(s) URLs only, path without a trailing slash, and a hash route ("#/contacts/acme"). */
export function linkKey(href: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== base.host) return null;
  const route = /^#!?\//.test(url.hash) ? url.hash.split('?')[0]! : '';
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${route}`;
}

export interface LinkIds {
  /** A list row's link and the id the list read for its customer. */
  remember(href: string, base: URL, crmId: string): void;
  /** The id a list gave the page at `url`, if one did. */
  idOf(url: URL): string | null;
}

export function createLinkIds(max = MAX_REMEMBERED_LINKS): LinkIds {
  const ids = new Map<string, string>();
  return {
    remember(href, base, crmId) {
      if (recordIdFromUrl(href, base) === crmId) return; // the URL says it by itself
      const key = linkKey(href, base);
      if (key === null) return;
      ids.delete(key);
      ids.set(key, crmId);
      if (ids.size > max) ids.delete(ids.keys().next().value!);
    },
    idOf(url) {
      const key = linkKey(url.href, url);
      return key === null ? null : (ids.get(key) ?? null);
    },
  };
}
