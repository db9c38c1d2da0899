/**
 * The customer list page. Its DOM follows the contract the extension's demo
 * adapter reads (see demo/README.md): table[data-crm=customer-list], one
 * tr[data-customer-id] per customer, td[data-field=<key>] cells.
 */
import { LIST_FIELDS, LIST_HEADERS, UI, type ListField } from '../core/i18n';
import type { ListRow } from '../core/view';
import { exportUrl, fetchCustomers } from './api';
import { detailHref, listHref, type App } from './app';
import { append, h } from './dom';
import { GridListView } from './grid-list';

function customerRow(row: ListRow): HTMLTableRowElement {
  const tr = h('tr', { 'data-customer-id': row.id });
  for (const field of LIST_FIELDS) {
    const text = row.cells[field];
    const td = h('td', { 'data-field': field, className: `col-${field}` });
    if (field === 'name') append(td, h('a', { href: detailHref(row.id) }, text));
    else td.textContent = text;
    if (field === 'Status') td.classList.add(row.status === 'Churned' ? 'is-churned' : 'is-active');
    append(tr, td);
  }
  return tr;
}

export class ListView extends GridListView<ListField, ListRow> {
  constructor(app: App) {
    const t = UI[app.locale];
    super(app, {
      space: 'customers',
      crm: 'customer-list',
      fields: LIST_FIELDS,
      headers: LIST_HEADERS[app.locale],
      title: t.customersTitle,
      searchLabel: t.searchLabel,
      total: t.total,
      noMatches: t.noMatches,
      href: (params) => listHref(params),
      fetch: (params, signal) => fetchCustomers(params, app.locale, signal),
      renderRow: customerRow,
      exportLink: { href: exportUrl(app.locale), download: 'customers-history.csv', title: t.exportTitle, label: t.exportCsv },
    });
  }
}
