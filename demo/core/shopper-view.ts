/**
 * Display-ready views of a shopper for one locale: the list row and the
 * detail page with its order history. Built only from a Shopper, whose orders
 * stop at the CRM's today, so nothing here can show the hidden future.
 */
import { formatDate, type Locale } from './i18n';
import {
  formatCount,
  formatDaysAgo,
  formatOrderCount,
  formatShopperMoney,
  regionLabel,
  SHOPPER_DETAIL_FIELDS,
  SHOPPER_FIELD_LABELS,
  SHOPPER_LIST_FIELDS,
  type ShopperDetailField,
  type ShopperListField,
} from './shopper-i18n';
import { customerName, ownerName } from './names';
import { shopperKey, type Shopper } from './shoppers';

export interface ShopperListRow {
  id: number;
  /** ISO date of the last purchase (the cell shows it relative to today; its title shows this date). */
  lastPurchase: string;
  /** Text of each cell, keyed by its data-field. */
  cells: Record<ShopperListField, string>;
}

export interface ShopperFieldView {
  key: ShopperDetailField;
  label: string;
  value: string;
}

export interface OrderView {
  /** ISO YYYY-MM-DD: one order per shopper and day, so also the order's id on the page. */
  date: string;
  cds: string;
  amount: string;
}

export interface ShopperDetail {
  id: number;
  name: string;
  /** The CRM's today (ISO) the page is as of. */
  today: string;
  fields: ShopperFieldView[];
  /** Newest first. */
  orders: OrderView[];
}

export function shopperName(shopper: Shopper, locale: Locale): string {
  return customerName(shopperKey(shopper.id), shopper.gender, locale);
}

/** The displayed text of one field (`lastPurchase` is a date here; the list shows it relative). */
export function shopperFieldText(shopper: Shopper, key: ShopperDetailField | 'name', locale: Locale): string {
  switch (key) {
    case 'name':
      return shopperName(shopper, locale);
    case 'shopperId':
      return String(shopper.id);
    case 'firstPurchase':
      return formatDate(shopper.firstPurchase, locale);
    case 'lastPurchase':
      return formatDate(shopper.lastPurchase, locale);
    case 'orders':
      return formatOrderCount(shopper.orderCount, locale);
    case 'cds':
      return formatCount(shopper.cds);
    case 'totalSpend':
      return formatShopperMoney(shopper.spentCents, locale);
    case 'averageOrder':
      return formatShopperMoney(shopper.averageCents, locale);
    case 'owner':
      return ownerName(shopper.owner, locale);
    case 'region':
      return regionLabel(shopper.region, locale);
  }
}

export function shopperListRow(shopper: Shopper, today: string, locale: Locale): ShopperListRow {
  const cells = {} as Record<ShopperListField, string>;
  for (const field of SHOPPER_LIST_FIELDS) {
    cells[field] = field === 'lastPurchase' ? formatDaysAgo(shopper.lastPurchase, today, locale) : shopperFieldText(shopper, field, locale);
  }
  return { id: shopper.id, lastPurchase: shopper.lastPurchase, cells };
}

export function shopperDetail(shopper: Shopper, today: string, locale: Locale): ShopperDetail {
  const orders: OrderView[] = [];
  for (let i = shopper.orders.length - 1; i >= 0; i -= 1) {
    const order = shopper.orders[i]!;
    orders.push({ date: order.date, cds: formatCount(order.cds), amount: formatShopperMoney(order.cents, locale) });
  }
  return {
    id: shopper.id,
    name: shopperName(shopper, locale),
    today,
    fields: SHOPPER_DETAIL_FIELDS.map((key) => ({ key, label: SHOPPER_FIELD_LABELS[locale][key], value: shopperFieldText(shopper, key, locale) })),
    orders,
  };
}
