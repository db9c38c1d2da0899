/** The shopper list's URL state and page shape (no data imports: the client bundle uses it). */
import { parseListParams, type ListPage, type ListParams } from './list-params';
import { SHOPPER_LIST_FIELDS, type ShopperListField } from './shopper-i18n';
import type { ShopperListRow } from './shopper-view';

export type ShopperSortKey = ShopperListField;
export type ShopperListParams = ListParams<ShopperSortKey>;

export interface ShopperListPage extends ListPage<ShopperSortKey, ShopperListRow> {
  /** The CRM's today (ISO) the rows are as of. */
  today: string;
}

export function parseShopperListParams(search: URLSearchParams | string): ShopperListParams {
  return parseListParams(search, SHOPPER_LIST_FIELDS);
}
