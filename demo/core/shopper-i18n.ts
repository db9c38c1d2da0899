/**
 * The shoppers space's words and value formats, en and zh. Formats differ on
 * purpose from the customers space and between locales (relative dates,
 * "US$", "5 单"), as different screens of real CRMs do, so the extension's
 * parsing is exercised.
 */
import { formatMoney, type Locale } from './i18n';
import type { Region } from './shoppers';

/** The list page's columns, in order; each is also the cell's data-field and the sort key. */
export const SHOPPER_LIST_FIELDS = ['name', 'firstPurchase', 'lastPurchase', 'orders', 'cds', 'totalSpend', 'averageOrder', 'owner'] as const;
export type ShopperListField = (typeof SHOPPER_LIST_FIELDS)[number];

/** Fields on the detail page's label → value list, in order (the name is the heading). */
export const SHOPPER_DETAIL_FIELDS = ['shopperId', 'firstPurchase', 'lastPurchase', 'orders', 'cds', 'totalSpend', 'averageOrder', 'owner', 'region'] as const;
export type ShopperDetailField = (typeof SHOPPER_DETAIL_FIELDS)[number];

/** Cells of an order-history row, in order (also their data-field). */
export const ORDER_FIELDS = ['date', 'cds', 'amount'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const SHOPPER_LIST_HEADERS: Record<Locale, Record<ShopperListField, string>> = {
  en: {
    name: 'Name',
    firstPurchase: 'First purchase',
    lastPurchase: 'Last purchase',
    orders: 'Orders',
    cds: 'CDs',
    totalSpend: 'Total spend',
    averageOrder: 'Avg. order',
    owner: 'Owner',
  },
  zh: {
    name: '姓名',
    firstPurchase: '首次购买',
    lastPurchase: '最近购买',
    orders: '订单数',
    cds: 'CD 数',
    totalSpend: '消费总额',
    averageOrder: '平均订单额',
    owner: '负责人',
  },
};

export const SHOPPER_FIELD_LABELS: Record<Locale, Record<ShopperDetailField, string>> = {
  en: {
    shopperId: 'Shopper ID',
    firstPurchase: 'First purchase',
    lastPurchase: 'Last purchase',
    orders: 'Orders',
    cds: 'CDs bought',
    totalSpend: 'Total spend',
    averageOrder: 'Average order',
    owner: 'Owner',
    region: 'Region',
  },
  zh: {
    shopperId: '顾客编号',
    firstPurchase: '首次购买',
    lastPurchase: '最近购买',
    orders: '订单数',
    cds: '购买 CD 数',
    totalSpend: '消费总额',
    averageOrder: '平均订单额',
    owner: '负责人',
    region: '地区',
  },
};

export const ORDER_HEADERS: Record<Locale, Record<OrderField, string>> = {
  en: { date: 'Date', cds: 'CDs', amount: 'Amount' },
  zh: { date: '日期', cds: 'CD 数', amount: '金额' },
};

const REGION_LABELS: Record<Locale, Record<Region, string>> = {
  en: { Northeast: 'Northeast', Midwest: 'Midwest', South: 'South', West: 'West' },
  zh: { Northeast: '东北部', Midwest: '中西部', South: '南部', West: '西部' },
};

export function regionLabel(region: Region, locale: Locale): string {
  return REGION_LABELS[locale][region];
}

export interface ShopperUiStrings {
  title: string;
  searchLabel: string;
  total: (n: number) => string;
  noMatches: string;
  exportCsv: string;
  exportTitle: string;
  backToList: string;
  details: string;
  orderHistory: string;
  noOrders: string;
  notFoundTitle: string;
  notFoundText: (id: string) => string;
}

const nf = new Intl.NumberFormat('en-US');

export const SHOPPER_UI: Record<Locale, ShopperUiStrings> = {
  en: {
    title: 'Shoppers',
    searchLabel: 'Search shoppers',
    total: (n) => `${nf.format(n)} ${n === 1 ? 'shopper' : 'shoppers'}`,
    noMatches: 'No shoppers match your search.',
    exportCsv: 'Export orders',
    exportTitle: 'Download the order log up to the data date as CSV',
    backToList: '← Back to shoppers',
    details: 'Details',
    orderHistory: 'Order history',
    noOrders: 'No orders yet.',
    notFoundTitle: 'Shopper not found',
    notFoundText: (id) => `There is no shopper with ID “${id}”.`,
  },
  zh: {
    title: '顾客',
    searchLabel: '搜索顾客',
    total: (n) => `共 ${nf.format(n)} 位顾客`,
    noMatches: '没有符合搜索条件的顾客。',
    exportCsv: '导出订单',
    exportTitle: '将截至数据日期的订单记录下载为 CSV',
    backToList: '← 返回顾客列表',
    details: '顾客信息',
    orderHistory: '订单记录',
    noOrders: '暂无订单。',
    notFoundTitle: '未找到顾客',
    notFoundText: (id) => `不存在编号为“${id}”的顾客。`,
  },
};

/** "$1,234.50" in en; "US$1,234.50" in zh (a Chinese CRM marks the currency of a US shop). */
export function formatShopperMoney(cents: number, locale: Locale): string {
  const money = formatMoney(cents / 100);
  return locale === 'zh' ? money.replace('$', 'US$') : money;
}

/** "5" in en; "5 单" in zh. */
export function formatOrderCount(count: number, locale: Locale): string {
  return locale === 'zh' ? `${formatCount(count)} 单` : formatCount(count);
}

/** A plain count in both locales ("12", "1,024"). */
export function formatCount(count: number): string {
  return count >= 0 && count < 1000 ? String(count) : nf.format(count);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (no Date parsing: this runs for every list row). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** Whole days from `iso` to `today` (both ISO dates); negative when `iso` is later. */
export function daysBetween(iso: string, today: string): number {
  return dayNumber(today) - dayNumber(iso);
}

/**
 * Relative to the CRM's today, in whole days so the text stays exact:
 * "today", "yesterday", "12 days ago"; zh 今天, 昨天, 12天前.
 */
export function formatDaysAgo(iso: string, today: string, locale: Locale): string {
  const days = daysBetween(iso, today);
  if (days < 0) throw new Error(`${iso} is after the CRM's today ${today}`);
  if (locale === 'zh') return days === 0 ? '今天' : days === 1 ? '昨天' : `${days}天前`;
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${formatCount(days)} days ago`;
}
