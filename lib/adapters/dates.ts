import type { CustomerSnapshot } from '../domain';
import { orderOfDates, orderOfLanguage, withIsoDate, type DayMonthOrder } from '../parse/date-order';
import type { ExtractedCustomer, PageExtraction } from './types';

/**
 * A page's numeric date order (lib/parse/date-order.ts), and its dates made
 * unambiguous before they leave the page.
 *
 * The order of a page: the manager's setting for the site, else the dates of
 * this page that read one way only, else those of the site's earlier pages
 * (what `remembered` holds: a detail page often shows too few dates to
 * settle it), else the page's language. Extraction keeps texts as shown; the
 * scanner sends ambiguous dates as ISO days (withIsoDates), so every reader
 * of the stored fields (indicators, training, exports) reads them one way.
 */

export type PageDateOrder = NonNullable<PageExtraction['dateOrder']>;

function* dateTexts(customers: readonly ExtractedCustomer[]): Generator<string> {
  for (const { snapshot } of customers) {
    for (const label in snapshot.fields) yield snapshot.fields[label]!;
    for (const activity of snapshot.activities ?? []) yield activity.date;
  }
}

export function pageDateOrder(
  customers: readonly ExtractedCustomer[],
  lang: string,
  setting: DayMonthOrder | undefined,
  remembered: DayMonthOrder | undefined,
): PageDateOrder | undefined {
  if (setting) return { order: setting, source: 'setting' };
  const proven = orderOfDates(dateTexts(customers));
  if (proven) return { order: proven, source: 'page' };
  if (remembered) return { order: remembered, source: 'site' };
  const language = orderOfLanguage(lang);
  return language ? { order: language, source: 'language' } : undefined;
}

/** The snapshot with its ambiguous numeric dates ("12/6/2026") written as ISO days; the same object when none is. */
export function withIsoDates(snapshot: CustomerSnapshot, order: DayMonthOrder | undefined): CustomerSnapshot {
  if (!order) return snapshot;
  let fields = snapshot.fields;
  for (const label in snapshot.fields) {
    const value = snapshot.fields[label]!;
    const iso = withIsoDate(value, order);
    if (iso === value) continue;
    if (fields === snapshot.fields) fields = { ...fields };
    fields[label] = iso;
  }
  let activities = snapshot.activities;
  if (activities?.some((activity) => withIsoDate(activity.date, order) !== activity.date)) {
    activities = activities.map((activity) => ({ ...activity, date: withIsoDate(activity.date, order) }));
  }
  return fields === snapshot.fields && activities === snapshot.activities ? snapshot : { ...snapshot, fields, ...(activities ? { activities } : {}) };
}
