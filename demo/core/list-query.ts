/**
 * Answering customer-list queries (paging, sorting, search) on the server,
 * with display rows and sort orders cached per locale and sort key. The URL
 * state itself is in list-params.ts.
 */
import type { Customer } from './customers';
import type { Locale } from './i18n';
import { matchesSearch, pageSlice, type ListPage, type ListParams, type SortDir, type SortKey } from './list-params';
import { listRow, type ListRow } from './view';

export * from './list-params';

const NUMERIC: Partial<Record<SortKey, (c: Customer) => number>> = {
  MonthlyCharges: (c) => c.monthlyCharges,
  tenure: (c) => c.tenure,
};

interface LocaleIndex {
  rows: ListRow[];
  orders: Map<string, number[]>;
}

/** The customer book with cached per-locale rows and sort orders. */
export class CustomerDirectory {
  readonly customers: readonly Customer[];
  private readonly byId = new Map<string, Customer>();
  private readonly locales = new Map<Locale, LocaleIndex>();

  constructor(customers: readonly Customer[]) {
    this.customers = customers;
    for (const c of customers) this.byId.set(c.id, c);
  }

  get(id: string): Customer | undefined {
    return this.byId.get(id);
  }

  list(params: ListParams, locale: Locale): ListPage {
    const index = this.localeIndex(locale);
    const order = this.order(index, locale, params.sort, params.dir);
    const matching =
      params.q === ''
        ? order
        : order.filter((i) => {
            const row = index.rows[i]!;
            return matchesSearch(params.q, row.id, row.cells.name);
          });
    const total = matching.length;
    const { page, pages, from, to } = pageSlice(total, params.page, params.size);
    const rows = matching.slice(from, to).map((i) => index.rows[i]!);
    return { total, page, pages, size: params.size, sort: params.sort, dir: params.dir, q: params.q, rows };
  }

  private localeIndex(locale: Locale): LocaleIndex {
    let index = this.locales.get(locale);
    if (!index) {
      index = { rows: this.customers.map((c) => listRow(c, locale)), orders: new Map() };
      this.locales.set(locale, index);
    }
    return index;
  }

  /** Positions in sorted order; ties keep data-set order in both directions. */
  private order(index: LocaleIndex, locale: Locale, sort: SortKey | null, dir: SortDir): number[] {
    const key = `${sort ?? ''}:${dir}`;
    let order = index.orders.get(key);
    if (order) return order;
    const positions = this.customers.map((_, i) => i);
    if (sort === null) {
      order = dir === 'desc' ? positions.reverse() : positions;
    } else {
      const sign = dir === 'desc' ? -1 : 1;
      const numeric = NUMERIC[sort];
      if (numeric) {
        const values = this.customers.map(numeric);
        order = positions.sort((a, b) => sign * (values[a]! - values[b]!) || a - b);
      } else {
        const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en', {
          sensitivity: 'base',
          numeric: true,
        });
        const texts = index.rows.map((r) => r.cells[sort]);
        order = positions.sort((a, b) => sign * collator.compare(texts[a]!, texts[b]!) || a - b);
      }
    }
    index.orders.set(key, order);
    return order;
  }
}

/** One query over a customer list (builds an uncached directory; for tests and scripts). */
export function queryCustomers(customers: readonly Customer[], params: ListParams, locale: Locale): ListPage {
  return new CustomerDirectory(customers).list(params, locale);
}
