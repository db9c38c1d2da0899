import { SNAPSHOT_LIMITS as LIMITS, type ActivitySnapshot, type CustomerSnapshot } from '../domain';
import type { ExtractedCustomer, PageExtraction } from './types';

/**
 * A page's extraction within the limits the background accepts
 * (SNAPSHOT_LIMITS, checked by lib/messaging/schemas.ts), so one long cell
 * (a 600-character company name from a web-to-lead form) never makes the
 * whole page's scan fail.
 *
 * - Texts too long are cut, with "…" at the end, never inside a surrogate pair.
 * - A field whose label is too long for one is left out (no CRM names a field
 *   with 256 characters: it is text read as a label).
 * - A customer whose id is too long is left out: an id cut short could make
 *   two customers one.
 * - Beyond the counts (fields, activities, customers), the first ones are kept.
 * Nothing is copied when everything fits (the common case, on every scan).
 */

export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function activityFits(a: ActivitySnapshot): boolean {
  return (
    a.date.length <= LIMITS.activityPart &&
    (a.amount?.length ?? 0) <= LIMITS.activityPart &&
    (a.quantity?.length ?? 0) <= LIMITS.activityPart &&
    (a.id?.length ?? 0) <= LIMITS.id &&
    (a.status?.length ?? 0) <= LIMITS.activityStatus &&
    (a.text?.length ?? 0) <= LIMITS.activityText
  );
}

function clampActivity(a: ActivitySnapshot): ActivitySnapshot {
  if (activityFits(a)) return a;
  const out: ActivitySnapshot = { ...a, date: clampText(a.date, LIMITS.activityPart) };
  if (a.id !== undefined && a.id.length > LIMITS.id) delete out.id;
  if (a.amount !== undefined) out.amount = clampText(a.amount, LIMITS.activityPart);
  if (a.quantity !== undefined) out.quantity = clampText(a.quantity, LIMITS.activityPart);
  if (a.status !== undefined) out.status = clampText(a.status, LIMITS.activityStatus);
  if (a.text !== undefined) out.text = clampText(a.text, LIMITS.activityText);
  return out;
}

function fieldsFit(fields: CustomerSnapshot['fields']): boolean {
  let count = 0;
  for (const label in fields) {
    if (++count > LIMITS.fields || label.length > LIMITS.label || fields[label]!.length > LIMITS.value) return false;
  }
  return true;
}

export function clampSnapshot(snapshot: CustomerSnapshot): CustomerSnapshot | null {
  if (snapshot.crmId.length > LIMITS.id) return null;
  const { activities } = snapshot;
  const activitiesFit = activities === undefined || (activities.length <= LIMITS.activities && activities.every(activityFits));
  if (snapshot.name.length <= LIMITS.name && activitiesFit && fieldsFit(snapshot.fields)) return snapshot;
  const fields: CustomerSnapshot['fields'] = {};
  let count = 0;
  for (const [label, value] of Object.entries(snapshot.fields)) {
    if (label.length > LIMITS.label) continue;
    if (++count > LIMITS.fields) break;
    fields[label] = clampText(value, LIMITS.value);
  }
  const out: CustomerSnapshot = { ...snapshot, name: clampText(snapshot.name, LIMITS.name), fields };
  if (activities !== undefined) out.activities = activities.slice(0, LIMITS.activities).map(clampActivity);
  return out;
}

/**
 * Clamps each customer's texts. The number of customers is not cut: a page of
 * 10,000 rows gets 10,000 badges; the scanner sends them in messages of
 * BATCH_SIZE (lib/content/scanner.ts), each within LIMITS.customers.
 */
export function clampExtraction(page: PageExtraction): PageExtraction {
  let changed = false;
  const customers: ExtractedCustomer[] = [];
  for (const customer of page.customers) {
    const snapshot = clampSnapshot(customer.snapshot);
    if (snapshot !== customer.snapshot) changed = true;
    if (snapshot) customers.push(snapshot === customer.snapshot ? customer : { ...customer, snapshot });
  }
  return changed ? { ...page, customers } : page;
}
