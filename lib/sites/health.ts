import type { PageKind } from '../domain';
import type { DateOrderSource, DayMonthOrder } from '../parse/date-order';
import { healthStatus, type HealthStatus } from './health-state';

/**
 * Adapter health: is the extension still reading each site? Pages are grouped
 * by their kind of URL (the accounts list, an account record), so "the
 * accounts list used to show 20 customers and now shows none" can be told
 * from "this settings page never showed any".
 */

/** One page as the content script read it. */
export interface PageObservation {
  at: number;
  kind: PageKind | null;
  customers: number;
  /** Field labels found on the page's customers. */
  fields: string[];
  /** A taught recipe was tried on the page (lib/recipes): what it found against what it found when taught. */
  recipe?: RecipeCheck;
  /** How the page's numeric dates were read (m/d or d/m) and what settled it (lib/adapters/dates.ts). */
  dateOrder?: PageDateOrder;
}

export interface PageDateOrder {
  order: DayMonthOrder;
  source: DateOrderSource;
}

interface RecipeCheck {
  /** "list:/contacts": the recipe's kind and page key. */
  id: string;
  expected: number;
  found: number;
}

/**
 * A recipe found "far" fewer customers than when taught below this share of
 * them. Not zero: a list's last page may show 3 of 25, so a short list is
 * said as "found 3 of 25", a warning the user can judge; zero is always one.
 */
const RECIPE_SHORT_SHARE = 0.25;

export interface SiteHealth {
  pagesSeen: number;
  lastSeenAt: number;
  /** Last page that yielded at least one customer. */
  lastSuccessAt: number | null;
  /** Recent observations per page key, oldest first. */
  pages: Record<string, PageObservation[]>;
}

export type HealthWarning =
  | { kind: 'no-customers'; pageKey: string; previously: number }
  | { kind: 'field-missing'; pageKey: string; label: string }
  | { kind: 'recipe-empty' | 'recipe-short'; pageKey: string; recipe: string; expected: number; found: number };

export interface HealthSummary {
  status: HealthStatus;
  pagesSeen: number;
  lastSeenAt: number | null;
  lastSuccessAt: number | null;
  /** Customers per page, the most recent pages last. */
  recentCustomers: number[];
  mappedFields: number;
  mappedFound: string[];
  warnings: HealthWarning[];
  /** The date order the site's latest pages inferred by themselves (not the manager's setting); null: none settled yet. */
  inferredDateOrder: PageDateOrder | null;
}

export interface HealthLimits {
  perPage: number;
  pageKeys: number;
  recent: number;
}

const HEALTH_LIMITS: HealthLimits = { perPage: 10, pageKeys: 40, recent: 8 };

const ID_SEGMENT = /^(?=.*\d)[\w-]{4,}$|^\d+$|^[0-9a-f]{8}-[0-9a-f-]{27}$/i;
const WORD_VALUE = /^[a-z][a-z_-]{0,31}$/i;

/**
 * A URL's page key: its path with record ids replaced by ":id", plus query
 * parameters that name a module or view (word values: module=Accounts,
 * action=index) — ids, searches and paging are left out, so every account
 * record is one page kind and the list's page 2 is the list.
 * Hash routes (#/accounts/42) count as paths, for single-page CRMs.
 */
export function pageKeyOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const segments = (path: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map((part) => (ID_SEGMENT.test(part) ? ':id' : part));
  const route = parsed.hash.startsWith('#/') ? parsed.hash.slice(1).split('?')[0]! : '';
  const kept = [...parsed.searchParams]
    .filter(([name, value]) => WORD_VALUE.test(value) && name.length <= 32)
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  const path = `/${segments(parsed.pathname).join('/')}`;
  return `${path}${route ? `#/${segments(route).join('/')}` : ''}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/** Adds one page; keeps the last perPage observations per page key and the pageKeys most recently seen keys. */
export function recordObservation(
  health: SiteHealth | undefined,
  pageKey: string,
  observation: PageObservation,
  limits: HealthLimits = HEALTH_LIMITS,
): SiteHealth {
  const pages = { ...(health?.pages ?? {}) };
  pages[pageKey] = [...(pages[pageKey] ?? []), observation].slice(-limits.perPage);
  const keys = Object.keys(pages);
  if (keys.length > limits.pageKeys) {
    const byRecency = keys.sort((a, b) => lastOf(pages[b]!).at - lastOf(pages[a]!).at);
    for (const stale of byRecency.slice(limits.pageKeys)) delete pages[stale];
  }
  return {
    pagesSeen: (health?.pagesSeen ?? 0) + 1,
    lastSeenAt: observation.at,
    lastSuccessAt: observation.customers > 0 ? observation.at : (health?.lastSuccessAt ?? null),
    pages,
  };
}

const lastOf = (observations: readonly PageObservation[]) => observations[observations.length - 1]!;

/** Whether the page key's latest visit was read: it yielded customers, or this kind of page never did. */
export function pageReadable(health: SiteHealth | undefined, pageKey: string): boolean {
  const observations = health?.pages[pageKey];
  if (!observations?.length) return true;
  return lastOf(observations).customers > 0 || !observations.some((o) => o.customers > 0);
}

/**
 * What broke, judged on each page key's latest visit: a kind of page that
 * used to yield customers yields none, or a mapped field its pages used to
 * show is gone (on a page that still yields customers).
 */
export function healthWarnings(health: SiteHealth | undefined, mappedLabels: readonly string[]): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  for (const [pageKey, observations] of Object.entries(health?.pages ?? {})) {
    const latest = lastOf(observations);
    const earlier = observations.slice(0, -1);
    const recipe = recipeWarning(pageKey, latest.recipe);
    if (recipe) warnings.push(recipe);
    // The recipe's warning says more than "used to show customers": one warning for the page.
    if (recipe && latest.customers === 0) continue;
    if (latest.customers === 0) {
      const previously = [...earlier].reverse().find((o) => o.customers > 0);
      if (previously) warnings.push({ kind: 'no-customers', pageKey, previously: previously.customers });
      continue;
    }
    const now = new Set(latest.fields);
    for (const label of mappedLabels) {
      if (!now.has(label) && earlier.some((o) => o.customers > 0 && o.fields.includes(label))) warnings.push({ kind: 'field-missing', pageKey, label });
    }
  }
  return warnings;
}

/** The taught recipe of a page found nothing, or far fewer customers than when it was taught. */
function recipeWarning(pageKey: string, check: RecipeCheck | undefined): HealthWarning | null {
  if (!check) return null;
  const { id, expected, found } = check;
  if (found === 0) return { kind: 'recipe-empty', pageKey, recipe: id, expected, found };
  if (found < expected * RECIPE_SHORT_SHARE) return { kind: 'recipe-short', pageKey, recipe: id, expected, found };
  return null;
}

/** The figures the popup, the action badge and the options health table show. */
export function healthSummary(health: SiteHealth | undefined, mappedLabels: readonly string[], limits: HealthLimits = HEALTH_LIMITS): HealthSummary {
  if (!health || health.pagesSeen === 0) {
    return {
      status: healthStatus({ pagesSeen: 0, lastSuccessAt: null, latestPerKind: [], warnings: [] }),
      pagesSeen: 0,
      lastSeenAt: null,
      lastSuccessAt: null,
      recentCustomers: [],
      mappedFields: mappedLabels.length,
      mappedFound: [],
      warnings: [],
      inferredDateOrder: null,
    };
  }
  const all = Object.values(health.pages)
    .flat()
    .sort((a, b) => a.at - b.at);
  const latestPerKey = Object.values(health.pages).map(lastOf);
  const seen = new Set(latestPerKey.flatMap((o) => o.fields));
  const warnings = healthWarnings(health, mappedLabels);
  return {
    status: healthStatus({ pagesSeen: health.pagesSeen, lastSuccessAt: health.lastSuccessAt, latestPerKind: latestPerKey.map((o) => o.customers), warnings }),
    pagesSeen: health.pagesSeen,
    lastSeenAt: health.lastSeenAt,
    lastSuccessAt: health.lastSuccessAt,
    recentCustomers: all.slice(-limits.recent).map((o) => o.customers),
    mappedFields: mappedLabels.length,
    mappedFound: mappedLabels.filter((label) => seen.has(label)),
    warnings,
    inferredDateOrder: inferredDateOrder(all),
  };
}

/** The latest date order a page settled by itself (its dates, earlier pages, its language), oldest-first observations. */
export function inferredDateOrder(observations: readonly PageObservation[]): PageDateOrder | null {
  for (let i = observations.length - 1; i >= 0; i--) {
    const found = observations[i]!.dateOrder;
    if (found && found.source !== 'setting') return { order: found.order, source: found.source };
  }
  return null;
}

/** The labels a site's field mapping uses (ignored labels are not expected on pages). */
export function mappedLabelsOf(mapping: { fields: Record<string, string> } | undefined): string[] {
  return Object.entries(mapping?.fields ?? {})
    .filter(([, target]) => target !== 'ignore')
    .map(([label]) => label);
}

/** Field labels of a page's customers, once each, bounded. */
export function fieldLabels(customers: readonly { fields: Record<string, string> }[], max = 200): string[] {
  const labels = new Set<string>();
  for (const customer of customers) {
    for (const label of Object.keys(customer.fields)) {
      labels.add(label);
      if (labels.size >= max) return [...labels];
    }
  }
  return [...labels];
}
