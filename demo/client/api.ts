/** The demo CRM's JSON API, as seen by the client. */
import type { Locale } from '../core/i18n';
import type { ListPage, ListParams } from '../core/list-params';
import type { ShopperListPage, ShopperListParams } from '../core/shopper-list-params';
import type { ShopperDetail } from '../core/shopper-view';
import type { CustomerDetail } from '../core/view';

export class NotFoundError extends Error {}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (response.status === 404) throw new NotFoundError(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function listQuery<K extends string>(params: ListParams<K>, locale: Locale): string {
  const query = new URLSearchParams({
    page: String(params.page),
    size: String(params.size),
    dir: params.dir,
    q: params.q,
    lang: locale,
  });
  if (params.sort) query.set('sort', params.sort);
  return query.toString();
}

export function fetchCustomers(params: ListParams, locale: Locale, signal: AbortSignal): Promise<ListPage> {
  return getJson<ListPage>(`/api/customers?${listQuery(params, locale)}`, signal);
}

export function fetchCustomer(id: string, locale: Locale, signal: AbortSignal): Promise<CustomerDetail> {
  return getJson<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}?lang=${locale}`, signal);
}

export function exportUrl(locale: Locale): string {
  return `/api/export.csv?lang=${locale}`;
}

export function fetchShoppers(params: ShopperListParams, locale: Locale, signal: AbortSignal): Promise<ShopperListPage> {
  return getJson<ShopperListPage>(`/api/shoppers?${listQuery(params, locale)}`, signal);
}

export function fetchShopper(id: string, locale: Locale, signal: AbortSignal): Promise<ShopperDetail> {
  return getJson<ShopperDetail>(`/api/shoppers/${encodeURIComponent(id)}?lang=${locale}`, signal);
}

export const ORDER_EXPORT_URL = '/api/shoppers/export.csv';
