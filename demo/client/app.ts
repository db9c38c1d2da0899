/** What the views need from the shell: the locale and URL-driven navigation. */
import type { Locale } from '../core/i18n';
import { listQueryString, type ListParams } from '../core/list-params';

export interface App {
  readonly locale: Locale;
  /** Change the URL (push, or replace) and render the route it names. */
  navigate(href: string, options?: { replace?: boolean }): void;
  /** Correct the URL without rendering (e.g. the server clamped the page). */
  replaceUrl(href: string): void;
  /** The list URL to go back to from a detail page (the last list state seen). */
  lastListHref(): string;
  rememberListHref(href: string): void;
}

export function listHref(params: ListParams): string {
  const query = listQueryString(params);
  return query === '' ? '/customers' : `/customers?${query}`;
}

export function detailHref(id: string): string {
  return `/customers/${encodeURIComponent(id)}`;
}
