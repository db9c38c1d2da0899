/**
 * Answering shopper-list queries (paging, sorting, search) on the server, with
 * display rows and sort orders cached per locale and sort key.
 */
import type { Locale } from './i18n';
import { matchesSearch, pageSlice, type SortDir } from './list-params';
import type { ShopperListPage, ShopperListParams, ShopperSortKey } from './shopper-list-params';
import { shopperDetail, shopperListRow, type ShopperDetail, type ShopperListRow } from './shopper-view';
import type { Shopper } from './shoppers';
import { SHOPPERS_TODAY } from './spaces';

export * from './shopper-list-params';

/** "1997-09-30" → 19970930: ISO dates as sortable numbers. */
const dateNumber = (iso: string) => Number(iso.replaceAll('-', ''));

const NUMERIC: Partial<Record<ShopperSortKey, (s: Shopper) => number>> = {
  firstPurchase: (s) => dateNumber(s.firstPurchase),
  lastPurchase: (s) => dateNumber(s.lastPurchase),
  orders: (s) => s.orderCount,
  cds: (s) => s.cds,
  totalSpend: (s) => s.spentCents,
  averageOrder: (s) => s.averageCents,
};

interface LocaleIndex {
  rows: ShopperListRow[];
  orders: Map<string, number[]>;
}

/** The shopper book with cached per-locale rows and sort orders. */
export class ShopperDirectory {
  readonly shoppers: readonly Shopper[];
  readonly today: string;
  private readonly byId = new Map<number, Shopper>();
  private readonly locales = new Map<Locale, LocaleIndex>();

  /** `shoppers` must already stop at `today` (buildShoppers does that). */
  constructor(shoppers: readonly Shopper[], today: string = SHOPPERS_TODAY) {
    this.shoppers = shoppers;
    this.today = today;
    for (const s of shoppers) {
      if (s.lastPurchase > today) throw new Error(`shopper ${s.id} has an order after ${today}`);
      this.byId.set(s.id, s);
    }
  }

  /** By the id as written in a URL ("123"); undefined for anything that is not a known id. */
  get(id: string): Shopper | undefined {
    return /^[1-9]\d{0,8}$/.test(id) ? this.byId.get(Number(id)) : undefined;
  }

  detail(shopper: Shopper, locale: Locale): ShopperDetail {
    return shopperDetail(shopper, this.today, locale);
  }

  list(params: ShopperListParams, locale: Locale): ShopperListPage {
    const index = this.localeIndex(locale);
    const order = this.order(index, locale, params.sort, params.dir);
    const matching =
      params.q === ''
        ? order
        : order.filter((i) => {
            const row = index.rows[i]!;
            return matchesSearch(params.q, String(row.id), row.cells.name);
          });
    const { page, pages, from, to } = pageSlice(matching.length, params.page, params.size);
    const rows = matching.slice(from, to).map((i) => index.rows[i]!);
    return { total: matching.length, page, pages, size: params.size, sort: params.sort, dir: params.dir, q: params.q, today: this.today, rows };
  }

  private localeIndex(locale: Locale): LocaleIndex {
    let index = this.locales.get(locale);
    if (!index) {
      index = { rows: this.shoppers.map((s) => shopperListRow(s, this.today, locale)), orders: new Map() };
      this.locales.set(locale, index);
    }
    return index;
  }

  /** Positions in sorted order; ties keep customer id order in both directions. */
  private order(index: LocaleIndex, locale: Locale, sort: ShopperSortKey | null, dir: SortDir): number[] {
    const key = `${sort ?? ''}:${dir}`;
    let order = index.orders.get(key);
    if (order) return order;
    const positions = this.shoppers.map((_, i) => i);
    if (sort === null) {
      order = dir === 'desc' ? positions.reverse() : positions;
    } else {
      const sign = dir === 'desc' ? -1 : 1;
      const numeric = NUMERIC[sort];
      if (numeric) {
        const values = this.shoppers.map(numeric);
        order = positions.sort((a, b) => sign * (values[a]! - values[b]!) || a - b);
      } else {
        const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
        const texts = index.rows.map((r) => r.cells[sort]);
        order = positions.sort((a, b) => sign * collator.compare(texts[a]!, texts[b]!) || a - b);
      }
    }
    index.orders.set(key, order);
    return order;
  }
}
