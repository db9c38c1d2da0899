/** What the views need from the shell: the locale and URL-driven navigation. */
import type { Locale } from '../core/i18n';
import { listQueryString, type ListParams } from '../core/list-params';
import { SPACE_PATH, type Space } from '../core/spaces';

export interface App {
  readonly locale: Locale;
  /** Change the URL (push, or replace) and render the route it names. */
  navigate(href: string, options?: { replace?: boolean }): void;
  /** Correct the URL without rendering (e.g. the server clamped the page). */
  replaceUrl(href: string): void;
  /** The list URL to go back to from a detail page (the last list state seen in that space). */
  lastListHref(space?: Space): string;
  rememberListHref(href: string, space?: Space): void;
}

/** A list URL of a space (customers by default), leaving out default state. */
export function listHref<K extends string>(params: ListParams<K>, base: string = SPACE_PATH.customers): string {
  const query = listQueryString(params);
  return query === '' ? base : `${base}?${query}`;
}

export function detailHref(id: string): string {
  return `${SPACE_PATH.customers}/${encodeURIComponent(id)}`;
}

export function shopperHref(id: number): string {
  return `${SPACE_PATH.shoppers}/${id}`;
}
