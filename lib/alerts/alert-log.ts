/**
 * The alerts of the last days, kept in the extension's local storage: the
 * popup's digest counts them and a clicked notification finds its customer's
 * page in them (the service worker that showed it may be gone by then).
 */
import { z } from 'zod';
import type { RiseLedger } from './rise';

/** Delivered as a notification, held back (quiet hours, daily cap), or not a notification at all (alerts off, below the agent's tier, due alerts off). */
const DELIVERIES = ['shown', 'quiet', 'capped', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

const tier = z.number().int().min(1).max(5);

export const alertEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['rise', 'due']),
  site: z.string(),
  crmId: z.string(),
  name: z.string(),
  /** The customer's CRM detail page as last seen; null: only seen on list pages. */
  url: z.string().nullable(),
  tier,
  /** rise: the tier before. */
  from: tier.nullable(),
  /** due: the contact due time that passed. */
  dueAt: z.number().nullable(),
  at: z.number(),
  delivery: z.enum(DELIVERIES),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

export interface AlertState {
  ledger: RiseLedger;
  events: AlertEvent[];
  /** Notifications shown on the local day `day` (the daily cap). */
  shown: { day: string; count: number };
  /** When due times were last checked; null: never (the first check only sets it). */
  dueCheckedAt: number | null;
}

export const EMPTY_ALERT_STATE: AlertState = { ledger: {}, events: [], shown: { day: '', count: 0 }, dueCheckedAt: null };

/** Days of alerts kept: the digest reads one, a week covers a long weekend's clicks on old notifications. */
const ALERT_LOG_DAYS = 8;
/** Alerts kept at most (newest first kept): the storage item stays small whatever a threshold change sets off. */
export const MAX_ALERT_EVENTS = 1000;

/** The log with new events appended, without those past the window or the size bound. */
export function appendEvents(events: readonly AlertEvent[], added: readonly AlertEvent[], now: number): AlertEvent[] {
  const cutoff = now - ALERT_LOG_DAYS * 86_400_000;
  return [...events, ...added].filter((event) => event.at > cutoff).slice(-MAX_ALERT_EVENTS);
}

/** A notification id: the event's, prefixed so clicks on other notifications are not taken for ours. */
const NOTIFICATION_PREFIX = 'churn-radar-alert:';
export const notificationIdOf = (event: Pick<AlertEvent, 'id'>) => `${NOTIFICATION_PREFIX}${event.id}`;
export const eventIdOfNotification = (notificationId: string) =>
  notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
