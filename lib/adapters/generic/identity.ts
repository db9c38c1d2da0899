import type { RawFields } from '@/lib/domain';
import { normalizeLabel } from '@/lib/fields/product-fields';
import { isEmailLabel } from './labels';

/**
 * A customer's stable id, from what the page shows, never invented.
 *
 * recordIdFromUrl(href, base) — a record link or the page's own URL:
 *   - only this site's links (same host as the page, http/https): a link to
 *     the customer's website or a mailto: is not the record;
 *   - 1. an id query parameter, in ID_PARAMS order ("record=…" SuiteCRM,
 *        "id=…" Dynamics/Zoho classic); then the same in a hash made of
 *        parameters ("#id=9&model=res.partner", Odoo);
 *   - 2. the path, the hash's first when the app routes in the hash
 *        ("#/customers/42", "#crm/detail/=/AccountObj/5f8d…"): from the last
 *        segment back, the first that has a digit and is neither a file
 *        name ("index.php") nor a version ("v2"): "/lightning/r/Account/001Dn…/view" → "001Dn…",
 *        "/contacts/2456789/record/0-2/18342051" → "18342051". A segment
 *        without a digit ("/customers/acme") is not taken: lists and settings
 *        pages are named by words, records by ids. A list word met first
 *        ("…/objects/0-2/views/all/list", "…/custom-view/4876…/list") means
 *        a list's URL: the digits before it name the list, not a record.
 *   - GUIDs lose their braces and are lower-cased (Dynamics writes both).
 *
 * emailOf: the first e-mail address in a text, lower-cased.
 *
 * joinedId: the manager may join customers across pages, tabs and CRMs by
 * e-mail ("email:ana@acme.com") or by company domain ("domain:acme.com",
 * from the e-mail, or the Website field; free-mail domains never join).
 */

const ID_PARAMS = [
  'record',
  'recordid',
  'record_id',
  'id',
  'objectid',
  'object_id',
  'customerid',
  'customer_id',
  'accountid',
  'account_id',
  'contactid',
  'contact_id',
  'partnerid',
  'partner_id',
  'entityid',
  'entity_id',
  'cid',
];
const ID_RANK: ReadonlyMap<string, number> = new Map(ID_PARAMS.map((name, rank) => [name, rank]));
const HAS_DIGIT = /\d/;
const FILE_NAME = /\.[a-z]{1,5}$/i;
const VERSION = /^v\d+(?:\.\d+)*$/i;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const HASH_ROUTE = /^\/|^[\w.-]+\//;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function cleanId(raw: string): string | null {
  let value = raw.trim();
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it as written
    }
  }
  if (value.length === 36 || value.length === 38) {
    const guid = GUID.exec(value);
    if (guid) return guid[1]!.toLowerCase();
  }
  return value === '' ? null : value;
}

/**
 * The best-ranked id parameter of a query string ("a=1&record=…"), first
 * occurrence of each name. Scanned with indexOf, not split: it runs once per
 * row link, inside the CRM's render task.
 */
function fromQuery(query: string): string | null {
  if (query === '') return null;
  let best: string | null = null;
  let bestRank = ID_PARAMS.length;
  for (let start = 0; start < query.length; ) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    const eq = query.indexOf('=', start);
    if (eq > start && eq < end) {
      const rank = ID_RANK.get(query.slice(start, eq).toLowerCase());
      if (rank !== undefined && rank < bestRank) {
        const raw = query.slice(eq + 1, end);
        const id = cleanId(raw.includes('+') ? raw.replace(/\+/g, ' ') : raw);
        if (id) {
          best = id;
          bestRank = rank;
        }
      }
    }
    start = end + 1;
  }
  return best;
}

/** Path words after which what comes before is a list's id (a view, a folder), not a record's. */
const LIST_WORDS = new Set(['list', 'lists', 'listview', 'views', 'index', 'search', 'board', 'kanban', 'table', 'grid']);

function fromPath(path: string): string | null {
  const segments = path.split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (LIST_WORDS.has(segment.toLowerCase())) return null;
    if (segment !== '' && HAS_DIGIT.test(segment) && !FILE_NAME.test(segment) && !VERSION.test(segment)) return cleanId(segment);
  }
  return null;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** An href's path as resolved against the page (what `new URL(href, base).pathname` gives), cheaply. */
function resolvedPath(path: string, base: URL): string {
  if (path === '') return base.pathname;
  if (path.startsWith('/') && !DOT_SEGMENT.test(path)) return path;
  try {
    return new URL(path, base).pathname;
  } catch {
    return path;
  }
}

/**
 * Parsed by hand rather than with `new URL`: a list page parses one link per
 * row inside the CRM's render task, and URL objects cost ≈ 10–20 µs each.
 */
export function recordIdFromUrl(href: string, base: URL): string | null {
  let rest = href.trim();
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return null;
    rest = rest.slice(scheme[0].length);
    if (!rest.startsWith('//')) return null;
  }
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    if (authority.includes('@') || authority.toLowerCase() !== base.host) return null;
    rest = end < 0 ? '/' : rest.slice(2 + end);
  }
  const [beforeHash, rawHash] = splitOnce(rest, '#');
  const [path, query] = splitOnce(beforeHash, '?');
  const hash = rawHash.replace(/^!/, '');
  const hashIsRoute = HASH_ROUTE.test(hash);
  const [hashPath, hashQuery] = hashIsRoute ? splitOnce(hash, '?') : ['', hash];
  return (
    fromQuery(query) ?? (hashQuery.includes('=') ? fromQuery(hashQuery) : null) ?? (hashPath ? fromPath(hashPath) : null) ?? fromPath(resolvedPath(path, base))
  );
}

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i;

export function emailOf(text: string): string | null {
  const found = EMAIL.exec(text);
  return found ? found[0].toLowerCase() : null;
}

export type JoinBy = 'email' | 'domain';

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'sina.com',
  'sohu.com',
  'aliyun.com',
  'yeah.net',
]);
const WEBSITE_LABELS = new Set(['website', 'web', 'url', 'homepage', 'domain', '网站', '官网', '公司网站'].map(normalizeLabel));

function websiteDomain(value: string): string | null {
  try {
    const host = new URL(/^https?:\/\//i.test(value) ? value : `https://${value.trim()}`).hostname.toLowerCase();
    return host.includes('.') ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The join key of a customer's fields, or null when they show nothing to join by. */
export function joinedId(fields: RawFields, joinBy: JoinBy): string | null {
  let email: string | null = null;
  let website: string | null = null;
  for (const [label, value] of Object.entries(fields)) {
    if (email === null && isEmailLabel(label)) email = emailOf(value);
    else if (website === null && WEBSITE_LABELS.has(normalizeLabel(label))) website = websiteDomain(value);
  }
  if (joinBy === 'email') return email ? `email:${email}` : null;
  const mailDomain = email?.slice(email.indexOf('@') + 1) ?? null;
  const domain = mailDomain && !FREE_MAIL.has(mailDomain) ? mailDomain : website;
  return domain ? `domain:${domain}` : null;
}
