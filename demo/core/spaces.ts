/**
 * The CRM's two spaces and the day each one's data is as of. The page declares
 * that day machine-readably (`<main data-crm-today>`) and shows it in words,
 * because neither data set is live: the Telco timeline is synthesised up to
 * its fixed today, and the CDNOW log is cut at the end of week 39.
 */
export const SPACES = ['customers', 'shoppers'] as const;
export type Space = (typeof SPACES)[number];

/** The customers (Telco) space's today: tenure and the activity timeline count back from here. */
export const CUSTOMERS_TODAY = '2024-06-30';
/** The shoppers (CDNOW) space's today: later purchases are the hidden future. */
export const SHOPPERS_TODAY = '1997-09-30';

/** The file name of the shoppers space's order export. */
export const ORDER_EXPORT_FILE_NAME = `cdnow-orders-${SHOPPERS_TODAY}.csv`;

export const SPACE_TODAY: Record<Space, string> = { customers: CUSTOMERS_TODAY, shoppers: SHOPPERS_TODAY };
export const SPACE_PATH: Record<Space, string> = { customers: '/customers', shoppers: '/shoppers' };

/** The space a path belongs to ("/" is the customers space); null for other paths. */
export function spaceOfPath(pathname: string): Space | null {
  if (pathname === '/') return 'customers';
  for (const space of SPACES) {
    const base = SPACE_PATH[space];
    if (pathname === base || pathname.startsWith(`${base}/`)) return space;
  }
  return null;
}
