/**
 * Answering shopper-list queries (paging, sorting, search) on the server.
 * Display rows are formatted when a page first shows them and then cached;
 * the texts a sort or a search needs (names, owners) are built per locale on
 * first use; sort orders are cached per locale and key. So the first request
 * after the CDNOW log is loaded formats one page, not 23,570 rows.
 */
import type { Locale } from './i18n';
import { matchesSearch, pageSlice, type SortDir } from './list-params';
import type { ShopperListPage, ShopperListParams, ShopperSortKey } from './shopper-list-params';
import { shopperDetail, shopperFieldText, shopperListRow, type ShopperDetail, type ShopperListRow } from './shopper-view';
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

/** The columns sorted by their displayed text; every other column is in NUMERIC. */
type TextKey = 'name' | 'owner';
const isTextKey = (key: ShopperSortKey): key is TextKey => key === 'name' || key === 'owner';

interface LocaleIndex {
  /** Formatted on first display. */
  rows: (ShopperListRow | undefined)[];
  /** Cell texts of the text columns (name, owner), built on first sort or search. */
  texts: Map<TextKey, string[]>;
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
    let matching = order;
    if (params.q !== '') {
      const names = this.texts(index, locale, 'name');
      matching = order.filter((i) => matchesSearch(params.q, String(this.shoppers[i]!.id), names[i]!));
    }
    const { page, pages, from, to } = pageSlice(matching.length, params.page, params.size);
    const rows = matching.slice(from, to).map((i) => (index.rows[i] ??= shopperListRow(this.shoppers[i]!, this.today, locale)));
    return { total: matching.length, page, pages, size: params.size, sort: params.sort, dir: params.dir, q: params.q, today: this.today, rows };
  }

  private localeIndex(locale: Locale): LocaleIndex {
    let index = this.locales.get(locale);
    if (!index) {
      index = { rows: new Array<ShopperListRow | undefined>(this.shoppers.length), texts: new Map(), orders: new Map() };
      this.locales.set(locale, index);
    }
    return index;
  }

  /** The displayed text of a text column for every shopper (the same text the cells show). */
  private texts(index: LocaleIndex, locale: Locale, key: TextKey): string[] {
    let texts = index.texts.get(key);
    if (!texts) {
      texts = this.shoppers.map((s) => shopperFieldText(s, key, locale));
      index.texts.set(key, texts);
    }
    return texts;
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
      } else if (isTextKey(sort)) {
        const collator = new Intl.Collator(locale === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
        const texts = this.texts(index, locale, sort);
        order = positions.sort((a, b) => sign * collator.compare(texts[a]!, texts[b]!) || a - b);
      } else {
        throw new Error(`no sort rule for ${sort}`);
      }
    }
    index.orders.set(key, order);
    return order;
  }
}
