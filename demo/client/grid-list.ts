/**
 * A CRM list page: title and count, export button, search, page size,
 * sortable headers and pager, with its state in the URL. The customers and the
 * shoppers lists are two configurations of it (list-view.ts,
 * shopper-list-view.ts); each renders its own rows.
 */
import { UI } from '../core/i18n';
import { PAGE_SIZES, pageWindow, type ListPage, type ListParams } from '../core/list-params';
import type { Space } from '../core/spaces';
import type { App } from './app';
import { append, clear, h } from './dom';

const SEARCH_DEBOUNCE_MS = 250;

export interface GridSpec<K extends string, R> {
  space: Space;
  /** The table's data-crm attribute (the adapter's anchor). */
  crm: string;
  fields: readonly K[];
  headers: Record<K, string>;
  title: string;
  searchLabel: string;
  total: (n: number) => string;
  noMatches: string;
  href: (params: ListParams<K>) => string;
  fetch: (params: ListParams<K>, signal: AbortSignal) => Promise<ListPage<K, R>>;
  renderRow: (row: R) => HTMLTableRowElement;
  exportLink: { href: string; download: string; title: string; label: string };
}

export class GridListView<K extends string, R> {
  readonly root: HTMLElement;
  private params: ListParams<K> | null = null;
  private controller: AbortController | null = null;
  private searchTimer: number | undefined;
  private readonly search: HTMLInputElement;
  private readonly sizeSelect: HTMLSelectElement;
  private readonly count: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly headers = new Map<K, HTMLTableCellElement>();
  private readonly tbody: HTMLTableSectionElement;
  private readonly message: HTMLElement;
  private readonly pager: HTMLElement;

  constructor(
    private readonly app: App,
    private readonly spec: GridSpec<K, R>,
  ) {
    const t = UI[app.locale];
    this.search = h('input', {
      type: 'search',
      className: 'search',
      placeholder: t.searchPlaceholder,
      'aria-label': spec.searchLabel,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.search.addEventListener('input', () => this.onSearchInput());
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.commitSearch();
    });

    this.sizeSelect = h('select', { className: 'page-size', 'aria-label': t.pageSize });
    for (const size of PAGE_SIZES) append(this.sizeSelect, h('option', { value: size }, t.perPage(size)));
    this.sizeSelect.addEventListener('change', () => {
      if (!this.params) return;
      this.app.navigate(spec.href({ ...this.params, size: Number(this.sizeSelect.value), page: 1 }));
    });

    const headRow = h('tr');
    for (const field of spec.fields) {
      const label = spec.headers[field];
      const th = h('th', { scope: 'col', 'data-sort': field, tabindex: 0, title: t.sortBy(label), className: `col-${field}` }, label);
      th.addEventListener('click', () => this.sortBy(field));
      th.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.sortBy(field);
        }
      });
      this.headers.set(field, th);
      append(headRow, th);
    }
    this.tbody = h('tbody');
    this.table = h('table', { 'data-crm': spec.crm, className: 'grid' }, h('thead', {}, headRow), this.tbody);

    this.count = h('span', { className: 'count', 'aria-live': 'polite' });
    this.message = h('p', { className: 'message', hidden: true });
    this.pager = h('nav', { className: 'pager', 'aria-label': t.pagination });

    const { href, download, title, label } = spec.exportLink;
    const exportLink = h('a', { className: 'btn btn-primary', href, download, title }, label);

    this.root = h(
      'section',
      { className: `page page-list page-${spec.space}` },
      h('div', { className: 'page-head' }, h('h1', {}, spec.title), this.count, h('div', { className: 'spacer' }), exportLink),
      h('div', { className: 'toolbar' }, this.search, h('label', { className: 'size-label' }, t.pageSize, ' ', this.sizeSelect)),
      h('div', { className: 'table-wrap' }, this.table),
      this.message,
      this.pager,
    );
  }

  /** Show the list for these params (from the URL). */
  async show(params: ListParams<K>): Promise<void> {
    this.params = params;
    if (document.activeElement !== this.search && this.search.value.trim() !== params.q) this.search.value = params.q;
    this.sizeSelect.value = String(params.size);
    for (const [field, th] of this.headers) {
      const sorted = params.sort === field;
      th.setAttribute('aria-sort', sorted ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.classList.toggle('sorted-asc', sorted && params.dir === 'asc');
      th.classList.toggle('sorted-desc', sorted && params.dir === 'desc');
    }

    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.table.classList.add('loading');
    if (this.tbody.childElementCount === 0) this.showMessage(UI[this.app.locale].loading);
    let page: ListPage<K, R>;
    try {
      page = await this.spec.fetch(params, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.table.classList.remove('loading');
      this.showMessage(UI[this.app.locale].loadFailed);
      console.error(error);
      return;
    }
    if (controller.signal.aborted) return;
    this.controller = null;
    this.table.classList.remove('loading');
    this.render(page);
    if (page.page !== params.page) {
      this.params = { ...params, page: page.page };
      this.app.replaceUrl(this.spec.href(this.params));
    }
    this.app.rememberListHref(this.spec.href(this.params), this.spec.space);
  }

  destroy(): void {
    this.controller?.abort();
    window.clearTimeout(this.searchTimer);
  }

  private render(page: ListPage<K, R>): void {
    const body = document.createDocumentFragment();
    for (const row of page.rows) body.appendChild(this.spec.renderRow(row));
    clear(this.tbody);
    this.tbody.appendChild(body);
    performance.mark('crm:rows-rendered');

    this.count.textContent = this.spec.total(page.total);
    if (page.total === 0) this.showMessage(this.spec.noMatches);
    else this.message.hidden = true;
    this.renderPager(page);
  }

  private renderPager(page: ListPage<K, R>): void {
    const t = UI[this.app.locale];
    clear(this.pager);
    if (page.total === 0) return;
    const to = (n: number) => this.spec.href({ page: n, size: page.size, sort: page.sort, dir: page.dir, q: page.q });
    const link = (n: number, label: string, className: string, rel?: string) =>
      n < 1 || n > page.pages || n === page.page
        ? h('span', { className: `${className} disabled`, 'aria-disabled': 'true' }, label)
        : h('a', { className, href: to(n), rel }, label);

    const numbers = h('span', { className: 'pages' });
    let previous = 0;
    for (const n of pageWindow(page.page, page.pages)) {
      if (n - previous > 1) append(numbers, h('span', { className: 'gap' }, '…'));
      append(
        numbers,
        n === page.page
          ? h('span', { className: 'page-num current', 'aria-current': 'page' }, String(n))
          : h('a', { className: 'page-num', href: to(n), 'aria-label': t.pageOf(n, page.pages) }, String(n)),
      );
      previous = n;
    }
    const from = (page.page - 1) * page.size + 1;
    const last = Math.min(page.total, page.page * page.size);
    append(
      this.pager,
      h('span', { className: 'showing' }, t.showing(from, last, page.total)),
      h('span', { className: 'spacer' }),
      link(1, t.first, 'pg-first'),
      link(page.page - 1, t.previous, 'pg-prev', 'prev'),
      numbers,
      link(page.page + 1, t.next, 'pg-next', 'next'),
      link(page.pages, t.last, 'pg-last'),
    );
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  private sortBy(field: K): void {
    if (!this.params) return;
    const dir = this.params.sort === field && this.params.dir === 'asc' ? 'desc' : 'asc';
    this.app.navigate(this.spec.href({ ...this.params, sort: field, dir, page: 1 }));
  }

  private onSearchInput(): void {
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => this.commitSearch(), SEARCH_DEBOUNCE_MS);
  }

  private commitSearch(): void {
    window.clearTimeout(this.searchTimer);
    if (!this.params) return;
    const q = this.search.value.trim();
    if (q === this.params.q) return;
    this.app.navigate(this.spec.href({ ...this.params, q, page: 1 }), { replace: true });
  }
}
