/**
 * The shopper list page (CDNOW space). DOM contract (demo/README.md):
 * table[data-crm=shopper-list], one tr[data-shopper-id] per shopper,
 * td[data-field=<key>] cells; the last purchase is relative text with the
 * exact date in the cell's title and a <time datetime>.
 */
import { formatDate, type Locale } from '../core/i18n';
import { SHOPPER_LIST_FIELDS, SHOPPER_LIST_HEADERS, SHOPPER_UI, type ShopperListField } from '../core/shopper-i18n';
import type { ShopperListRow } from '../core/shopper-view';
import { ORDER_EXPORT_FILE_NAME, SPACE_PATH } from '../core/spaces';
import { fetchShoppers, ORDER_EXPORT_URL } from './api';
import { listHref, shopperHref, type App } from './app';
import { append, h } from './dom';
import { GridListView } from './grid-list';

function shopperRow(row: ShopperListRow, locale: Locale): HTMLTableRowElement {
  const tr = h('tr', { 'data-shopper-id': row.id });
  for (const field of SHOPPER_LIST_FIELDS) {
    const text = row.cells[field];
    const td = h('td', { 'data-field': field, className: `col-${field}` });
    if (field === 'name') append(td, h('a', { href: shopperHref(row.id) }, text));
    else if (field === 'lastPurchase') {
      td.title = formatDate(row.lastPurchase, locale);
      append(td, h('time', { datetime: row.lastPurchase }, text));
    } else td.textContent = text;
    append(tr, td);
  }
  return tr;
}

export class ShopperListView extends GridListView<ShopperListField, ShopperListRow> {
  constructor(app: App) {
    const s = SHOPPER_UI[app.locale];
    super(app, {
      space: 'shoppers',
      crm: 'shopper-list',
      fields: SHOPPER_LIST_FIELDS,
      headers: SHOPPER_LIST_HEADERS[app.locale],
      title: s.title,
      searchLabel: s.searchLabel,
      total: s.total,
      noMatches: s.noMatches,
      href: (params) => listHref(params, SPACE_PATH.shoppers),
      fetch: (params, signal) => fetchShoppers(params, app.locale, signal),
      renderRow: (row) => shopperRow(row, app.locale),
      exportLink: { href: ORDER_EXPORT_URL, download: ORDER_EXPORT_FILE_NAME, title: s.exportTitle, label: s.exportCsv },
    });
  }
}
