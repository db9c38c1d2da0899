/**
 * The shopper detail page (CDNOW space). DOM contract (demo/README.md):
 * article[data-crm=shopper-detail][data-shopper-id], h1 > span[data-field=name],
 * a <dl> of div > dt + dd[data-field=<key>], and the order history
 * table[data-crm=order-history] with tr[data-activity=order][data-activity-id]
 * rows of td[data-field=date|cds|amount], newest first. Unknown ids render
 * section[data-crm=not-found].
 */
import { formatDate, UI } from '../core/i18n';
import { ORDER_FIELDS, ORDER_HEADERS, SHOPPER_UI } from '../core/shopper-i18n';
import type { OrderView, ShopperDetail } from '../core/shopper-view';
import { fetchShopper, NotFoundError } from './api';
import type { App } from './app';
import { append, h } from './dom';

export class ShopperDetailView {
  readonly root: HTMLElement;
  private readonly controller = new AbortController();

  constructor(
    private readonly app: App,
    private readonly id: string,
  ) {
    this.root = h('section', { className: 'page page-detail' }, this.backLink(), h('p', { className: 'message' }, UI[app.locale].loading));
  }

  async show(): Promise<void> {
    let detail: ShopperDetail;
    try {
      detail = await fetchShopper(this.id, this.app.locale, this.controller.signal);
    } catch (error) {
      if (this.controller.signal.aborted) return;
      if (error instanceof NotFoundError) this.renderNotFound();
      else {
        this.root.replaceChildren(this.backLink(), h('p', { className: 'message' }, UI[this.app.locale].loadFailed));
        console.error(error);
      }
      return;
    }
    if (this.controller.signal.aborted) return;
    this.render(detail);
  }

  destroy(): void {
    this.controller.abort();
  }

  private backLink(): HTMLAnchorElement {
    return h('a', { className: 'back', href: this.app.lastListHref('shoppers') }, SHOPPER_UI[this.app.locale].backToList);
  }

  private orderRow(order: OrderView): HTMLTableRowElement {
    const locale = this.app.locale;
    return h(
      'tr',
      { 'data-activity': 'order', 'data-activity-id': order.date },
      h('td', { 'data-field': 'date', className: 'col-date' }, h('time', { datetime: order.date }, formatDate(order.date, locale))),
      h('td', { 'data-field': 'cds', className: 'col-cds' }, order.cds),
      h('td', { 'data-field': 'amount', className: 'col-amount' }, order.amount),
    );
  }

  private render(detail: ShopperDetail): void {
    const t = UI[this.app.locale];
    const s = SHOPPER_UI[this.app.locale];
    document.title = `${detail.name} · ${t.appName}`;

    const dl = h('dl', { className: 'fields' });
    for (const field of detail.fields) {
      append(dl, h('div', { className: 'field' }, h('dt', {}, field.label), h('dd', { 'data-field': field.key }, field.value)));
    }

    const headers = ORDER_HEADERS[this.app.locale];
    const body = h('tbody');
    for (const order of detail.orders) append(body, this.orderRow(order));
    const orders = h(
      'table',
      { className: 'grid orders', 'data-crm': 'order-history' },
      h('thead', {}, h('tr', {}, ...ORDER_FIELDS.map((f) => h('th', { scope: 'col', className: `col-${f}` }, headers[f])))),
      body,
    );

    const article = h(
      'article',
      { 'data-crm': 'shopper-detail', 'data-shopper-id': detail.id, className: 'detail' },
      h('h1', {}, h('span', { 'data-field': 'name' }, detail.name)),
      h(
        'div',
        { className: 'detail-grid' },
        h('section', { className: 'card card-fields' }, h('h2', {}, s.details), dl),
        h(
          'section',
          { className: 'card card-orders' },
          h('h2', {}, s.orderHistory),
          detail.orders.length > 0 ? orders : h('p', { className: 'message' }, s.noOrders),
        ),
      ),
    );
    this.root.replaceChildren(this.backLink(), article);
    performance.mark('crm:detail-rendered');
  }

  private renderNotFound(): void {
    const t = UI[this.app.locale];
    const s = SHOPPER_UI[this.app.locale];
    document.title = `${s.notFoundTitle} · ${t.appName}`;
    this.root.replaceChildren(
      h('section', { className: 'not-found', 'data-crm': 'not-found' }, h('h1', {}, s.notFoundTitle), h('p', {}, s.notFoundText(this.id)), this.backLink()),
    );
  }
}
