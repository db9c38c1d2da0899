/**
 * The customer detail page. DOM contract: article[data-crm=customer-detail]
 * [data-customer-id], h1 > span[data-field=name], a <dl> of
 * div > dt + dd[data-field=<key>], and section[data-crm=activity] > ol > li
 * [data-activity-type][data-date] (with span.activity-status on tickets and
 * payments). Unknown ids render
 * section[data-crm=not-found].
 */
import { formatDate, UI } from '../core/i18n';
import type { CustomerDetail } from '../core/view';
import { fetchCustomer, NotFoundError } from './api';
import type { App } from './app';
import { append, h } from './dom';

export class DetailView {
  readonly root: HTMLElement;
  private readonly controller = new AbortController();

  constructor(
    private readonly app: App,
    private readonly id: string,
  ) {
    const t = UI[app.locale];
    this.root = h('section', { className: 'page page-detail' }, this.backLink(), h('p', { className: 'message' }, t.loading));
  }

  async show(): Promise<void> {
    const t = UI[this.app.locale];
    let detail: CustomerDetail;
    try {
      detail = await fetchCustomer(this.id, this.app.locale, this.controller.signal);
    } catch (error) {
      if (this.controller.signal.aborted) return;
      if (error instanceof NotFoundError) {
        this.renderNotFound();
      } else {
        this.root.replaceChildren(this.backLink(), h('p', { className: 'message' }, t.loadFailed));
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
    return h('a', { className: 'back', href: this.app.lastListHref('customers') }, UI[this.app.locale].backToList);
  }

  private render(detail: CustomerDetail): void {
    const t = UI[this.app.locale];
    document.title = `${detail.name} · ${t.appName}`;

    const dl = h('dl', { className: 'fields' });
    for (const field of detail.fields) {
      const dd = h('dd', { 'data-field': field.key }, field.value);
      if (field.key === 'Status') dd.classList.add(detail.status === 'Churned' ? 'is-churned' : 'is-active');
      append(dl, h('div', { className: 'field' }, h('dt', {}, field.label), dd));
    }

    const ol = h('ol', { className: 'timeline' });
    for (const item of detail.activity) {
      append(
        ol,
        h(
          'li',
          { 'data-activity-type': item.type, 'data-date': item.date, className: `activity activity-${item.type}` },
          h('time', { className: 'activity-date', datetime: item.date }, formatDate(item.date, this.app.locale)),
          h('span', { className: 'activity-type' }, t.activityTypes[item.type]),
          item.status !== undefined && h('span', { className: 'activity-status' }, item.status),
          h('p', { className: 'activity-text' }, item.text),
        ),
      );
    }

    const article = h(
      'article',
      { 'data-crm': 'customer-detail', 'data-customer-id': detail.id, className: 'detail' },
      h('h1', {}, h('span', { 'data-field': 'name' }, detail.name)),
      h(
        'div',
        { className: 'detail-grid' },
        h('section', { className: 'card card-fields' }, h('h2', {}, t.details), dl),
        h(
          'section',
          { className: 'card card-activity', 'data-crm': 'activity' },
          h('h2', {}, t.activity),
          detail.activity.length > 0 ? ol : h('p', { className: 'message' }, t.noActivity),
        ),
      ),
    );
    this.root.replaceChildren(this.backLink(), article);
    performance.mark('crm:detail-rendered');
  }

  private renderNotFound(): void {
    const t = UI[this.app.locale];
    document.title = `${t.notFoundTitle} · ${t.appName}`;
    this.root.replaceChildren(
      h('section', { className: 'not-found', 'data-crm': 'not-found' }, h('h1', {}, t.notFoundTitle), h('p', {}, t.notFoundText(this.id)), this.backLink()),
    );
  }
}
