/**
 * A list's state as it lives in the URL query string
 * (?page=2&size=100&sort=MonthlyCharges&dir=desc&q=...), for the customers and
 * the shoppers lists alike (each with its own sort keys). Shared by the server
 * (CustomerDirectory, ShopperDirectory) and the browser client; no data
 * imports, so the client bundle stays small.
 */
import { LIST_FIELDS, type ListField } from './i18n';
import type { ListRow } from './view';

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 100;

export type SortKey = ListField;
export type SortDir = 'asc' | 'desc';

export interface ListParams<K extends string = SortKey> {
  page: number;
  size: number;
  /** null: the CRM's default order (data-set order). */
  sort: K | null;
  dir: SortDir;
  q: string;
}

export const DEFAULT_LIST_PARAMS: ListParams = { page: 1, size: DEFAULT_PAGE_SIZE, sort: null, dir: 'asc', q: '' };

export interface ListPage<K extends string = SortKey, R = ListRow> {
  total: number;
  page: number;
  pages: number;
  size: number;
  sort: K | null;
  dir: SortDir;
  q: string;
  rows: R[];
}

/** Read list state from a query string; anything invalid falls back to its default. */
export function parseListParams(search: URLSearchParams | string): ListParams;
export function parseListParams<K extends string>(search: URLSearchParams | string, sortKeys: readonly K[]): ListParams<K>;
export function parseListParams(search: URLSearchParams | string, sortKeys: readonly string[] = LIST_FIELDS): ListParams<string> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const size = Number.parseInt(params.get('size') ?? '', 10);
  const sort = params.get('sort');
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: sort !== null && sortKeys.includes(sort) ? sort : null,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
  };
}

/** The query string (without "?") for list state, leaving out defaults; "" for the default list. */
export function listQueryString<K extends string>(params: ListParams<K>): string {
  const out = new URLSearchParams();
  if (params.page !== 1) out.set('page', String(params.page));
  if (params.size !== DEFAULT_PAGE_SIZE) out.set('size', String(params.size));
  if (params.sort !== null) {
    out.set('sort', params.sort);
    out.set('dir', params.dir);
  }
  if (params.q !== '') out.set('q', params.q);
  return out.toString();
}

/** Which slice of `total` matching rows a page shows; `page` is clamped to the last page. */
export function pageSlice(total: number, page: number, size: number): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const clamped = Math.min(Math.max(1, page), pages);
  const from = (clamped - 1) * size;
  return { page: clamped, pages, from, to: Math.min(total, from + size) };
}

/** Case-insensitive match of a search text on the display name or the customer ID. */
export function matchesSearch(q: string, id: string, name: string): boolean {
  if (q === '') return true;
  const needle = q.toLocaleLowerCase();
  return id.toLocaleLowerCase().includes(needle) || name.toLocaleLowerCase().includes(needle);
}

/** Page numbers a pager shows: the first, the last, and the current page ±2. */
export function pageWindow(page: number, pages: number): number[] {
  const set = new Set<number>([1, pages]);
  for (let n = page - 2; n <= page + 2; n += 1) if (n >= 1 && n <= pages) set.add(n);
  return [...set].sort((a, b) => a - b);
}
