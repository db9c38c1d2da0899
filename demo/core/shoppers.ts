/**
 * The shoppers space: one shopper per CDNOW customer with orders up to the
 * CRM's today, plus what the CRM derives deterministically from the id
 * (gender for the name, owner, region). Pure.
 */
import { OWNER_COUNT } from './customers';
import { seedHash } from './hash';
import { CDNOW_TODAY, ordersAsOf, type Order, type Purchase } from './purchases';

export const REGIONS = ['Northeast', 'Midwest', 'South', 'West'] as const;
export type Region = (typeof REGIONS)[number];

/** Region shares in % (roughly the US census regions' population), summing to 100. */
const REGION_PERCENT: Record<Region, number> = { Northeast: 17, Midwest: 21, South: 38, West: 24 };

export interface Shopper {
  /** The CDNOW customer_id. */
  id: number;
  /** Position in customer id order (0-based): the default list order. */
  index: number;
  /** Merged per day, oldest first, none after the CRM's today. */
  orders: readonly Order[];
  firstPurchase: string;
  lastPurchase: string;
  orderCount: number;
  cds: number;
  spentCents: number;
  /** spentCents / orderCount, rounded to the cent. */
  averageCents: number;
  /** Index into the owner list, 0..OWNER_COUNT-1. */
  owner: number;
  region: Region;
  /** CDNOW has no gender; seeded, it only picks the first-name list. */
  gender: 'Female' | 'Male';
}

/** The key every seeded pick of a shopper starts from; also the extension's crmId. */
export function shopperKey(id: number): string {
  return `cdnow-${id}`;
}

export function shopperGender(id: number): Shopper['gender'] {
  return seedHash(`${shopperKey(id)}|gender`) % 2 === 0 ? 'Female' : 'Male';
}

export function shopperOwner(id: number): number {
  return seedHash(`${shopperKey(id)}|owner`) % OWNER_COUNT;
}

export function shopperRegion(id: number): Region {
  let roll = seedHash(`${shopperKey(id)}|region`) % 100;
  for (const region of REGIONS) {
    roll -= REGION_PERCENT[region];
    if (roll < 0) return region;
  }
  return 'West';
}

export function toShopper(id: number, orders: readonly Order[], index: number): Shopper {
  const first = orders[0];
  const last = orders[orders.length - 1];
  if (!first || !last) throw new Error(`shopper ${id} has no orders`);
  let cds = 0;
  let spentCents = 0;
  for (const order of orders) {
    cds += order.cds;
    spentCents += order.cents;
  }
  return {
    id,
    index,
    orders,
    firstPurchase: first.date,
    lastPurchase: last.date,
    orderCount: orders.length,
    cds,
    spentCents,
    averageCents: Math.round(spentCents / orders.length),
    owner: shopperOwner(id),
    region: shopperRegion(id),
    gender: shopperGender(id),
  };
}

/** The shopper book as of `asOf`, in customer id order. */
export function buildShoppers(purchases: readonly Purchase[], asOf: string = CDNOW_TODAY): Shopper[] {
  const shoppers: Shopper[] = [];
  for (const [id, orders] of ordersAsOf(purchases, asOf)) shoppers.push(toShopper(id, orders, shoppers.length));
  return shoppers;
}
