/**
 * Activities as a CRM page lists them (raw text, see ActivitySnapshot) → Activity.
 *
 *   date      required; any form of parseWhen ("2024-03-05", "3 days ago", "2024年3月5日", "昨天 14:30").
 *             Not parseable or missing → the activity is rejected with the reason.
 *   amount    optional; money or a plain number as parseNumber reads it ("$1,234.50", "¥12,000", "1.2万元", "-$20").
 *             Missing or unreadable (ambiguous "1,234" without a hint, "about $20", a percentage) → no amount:
 *             the activity still counts, and a wrong amount is never stored.
 *   quantity  optional; a non-negative count ("3", "3 orders", "5 单", "3 CDs": a number and any unit word).
 *             Unreadable → no quantity, as for amounts.
 *   status    optional; the text as shown, spaces normalised ("Open", "已解决"); blank or a placeholder → none.
 *   text      optional; trimmed; blank or a placeholder → none.
 *   id        the CRM's own id when the snapshot has one; otherwise "h:" + FNV-1a of kind, the UTC day of
 *             the date, the amount and the text. The day (not the instant) keeps the id stable while the
 *             page shows "3 days ago" today and "2024-03-05" next week; status and quantity are left out
 *             so a ticket going from Open to Resolved stays one activity. parseActivities numbers repeats
 *             of the same hash in one list ("h:…", "h:…~2") so two identical orders on a day stay two.
 */
import { ACTIVITY_KINDS, type Activity, type ActivityKind, type ActivitySnapshot } from '../domain';
import { isoDay, type DateOrder } from './date';
import { isMissing, normalizeText } from './missing';
import { parseNumber } from './number';
import { invalid, ok, type ParseResult } from './result';
import { parseWhen } from './when';

export interface ActivityContext {
  /** The page's "now" (epoch ms), for relative times. */
  now: number;
  /** How the CRM writes numeric dates. */
  order?: DateOrder;
  /** The year of dates shown without one. */
  referenceYear?: number;
}

export interface ParsedActivities {
  activities: Activity[];
  rejected: { index: number; reason: string }[];
}

const KINDS: ReadonlySet<string> = new Set(ACTIVITY_KINDS);
const QUANTITY_WITH_ANY_UNIT = /^(\d+)\s*[\p{L}][\p{L}\p{M}'.\s-]{0,30}$/u;
const HASH_PREFIX = 'h:';

export function parseActivity(snapshot: ActivitySnapshot, context: ActivityContext): ParseResult<Activity> {
  if (!KINDS.has(snapshot.kind)) return invalid(`unknown activity kind "${String(snapshot.kind)}"`);
  const when = parseWhen(snapshot.date, context.now, { order: context.order, referenceYear: context.referenceYear });
  if (!when.ok) return invalid(when.missing ? 'no date' : `date: ${when.reason}`);

  const amount = readAmount(snapshot.amount);
  const quantity = readQuantity(snapshot.quantity);
  const status = readText(snapshot.status, true);
  const text = readText(snapshot.text, false);
  const ownId = snapshot.id?.trim();
  const id = ownId ? ownId : activityHash(snapshot.kind, when.value, amount ?? snapshot.amount, text);

  const activity: Activity = { id, kind: snapshot.kind, at: when.value };
  if (amount !== undefined) activity.amount = amount;
  if (quantity !== undefined) activity.quantity = quantity;
  if (status !== undefined) activity.status = status;
  if (text !== undefined) activity.text = text;
  return ok(activity);
}

/** Every snapshot parsed; the ones without a usable date (or kind) are listed with their index and reason. */
export function parseActivities(snapshots: readonly ActivitySnapshot[], context: ActivityContext): ParsedActivities {
  const activities: Activity[] = [];
  const rejected: ParsedActivities['rejected'] = [];
  const repeats = new Map<string, number>();
  snapshots.forEach((snapshot, index) => {
    const r = parseActivity(snapshot, context);
    if (!r.ok) {
      rejected.push({ index, reason: r.reason });
      return;
    }
    const activity = r.value;
    if (activity.id.startsWith(HASH_PREFIX) && !snapshot.id?.trim()) {
      const seen = (repeats.get(activity.id) ?? 0) + 1;
      repeats.set(activity.id, seen);
      if (seen > 1) activity.id = `${activity.id}~${seen}`;
    }
    activities.push(activity);
  });
  return { activities, rejected };
}

function readAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const r = parseNumber(text);
  return r.ok && (r.kind === 'money' || r.kind === 'number') ? r.value : undefined;
}

function readQuantity(text: string | undefined): number | undefined {
  if (text === undefined || isMissing(text)) return undefined;
  const r = parseNumber(text);
  if (r.ok) return (r.kind === 'count' || r.kind === 'number') && r.value >= 0 ? r.value : undefined;
  // The field says it is a quantity, so "3 CDs" is 3 whatever the unit; but not
  // when parseNumber found the unit ambiguous ("3m", "3 pm") or a year ("2023年").
  if (!r.reason.startsWith('unrecognised unit')) return undefined;
  const m = QUANTITY_WITH_ANY_UNIT.exec(normalizeText(text));
  return m ? Number(m[1]) : undefined;
}

function readText(text: string | undefined, normalise: boolean): string | undefined {
  if (text === undefined || isMissing(text)) return undefined;
  return normalise ? normalizeText(text) : text.trim();
}

function activityHash(kind: ActivityKind, at: number, amount: number | string | undefined, text: string | undefined): string {
  const amountKey = typeof amount === 'number' ? String(amount) : amount === undefined ? '' : normalizeText(amount);
  return HASH_PREFIX + fnv1a32(`${kind}\u001f${isoDay(at)}\u001f${amountKey}\u001f${text ?? ''}`);
}

/** FNV-1a, 32 bits, over UTF-16 code units, as 8 hex digits. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
