import type { SiteKey } from '../domain';

/** A storage item holding one value per site (join-by, date order, taught recipes). */
export interface PerSiteItem<T> {
  getValue(): Promise<Record<SiteKey, T> | null>;
  watch(callback: (value: Record<SiteKey, T> | null) => void): () => void;
}

/** The record with this site's value set, or removed when `value` is undefined (back to automatic); other sites untouched. */
export function withSiteValue<T>(all: Record<SiteKey, T> | null, site: SiteKey, value: T | undefined): Record<SiteKey, T> {
  const next = { ...all };
  if (value === undefined) delete next[site];
  else next[site] = value;
  return next;
}
