/**
 * The customer list's state as it lives in the URL query string
 * (?page=2&size=100&sort=MonthlyCharges&dir=desc&q=...). Shared by the server
 * (CustomerDirectory) and the browser client; no data imports, so the client
 * bundle stays small.
 */
import { LIST_FIELDS, type ListField } from './i18n';
import type { ListRow } from './view';

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 100;

export type SortKey = ListField;
export type SortDir = 'asc' | 'desc';

export interface ListParams {
  page: number;
  size: number;
  /** null: the CRM's default order (data-set order). */
  sort: SortKey | null;
  dir: SortDir;
  q: string;
}

export const DEFAULT_LIST_PARAMS: ListParams = { page: 1, size: DEFAULT_PAGE_SIZE, sort: null, dir: 'asc', q: '' };

export interface ListPage {
  total: number;
  page: number;
  pages: number;
  size: number;
  sort: SortKey | null;
  dir: SortDir;
  q: string;
  rows: ListRow[];
}

function isSortKey(value: string | null): value is SortKey {
  return value !== null && (LIST_FIELDS as readonly string[]).includes(value);
}

/** Read list state from a query string; anything invalid falls back to its default. */
export function parseListParams(search: URLSearchParams | string): ListParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const size = Number.parseInt(params.get('size') ?? '', 10);
  const sort = params.get('sort');
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: isSortKey(sort) ? sort : null,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
  };
}

/** The query string (without "?") for list state, leaving out defaults; "" for the default list. */
export function listQueryString(params: ListParams): string {
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
