/**
 * What an agent lets the extension interrupt them with. Alert fatigue is the
 * first complaint about churn tools, so the defaults are conservative: off
 * until the agent turns desktop alerts on (which asks for the browser's
 * `notifications` permission), quiet from 19:00 to 08:00 local time, at most
 * 8 alerts a day, rises to tier 4 and 5 (the "tier ≥ 4"; an agent
 * may keep only tier 5) and due-time alerts on. Everything suppressed still shows in
 * the popup's digest, so nothing is lost by a quiet night or the cap.
 */
import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

export const alertSettingsSchema = z.strictObject({
  /** Desktop notifications (chrome.notifications); the digest in the popup is there either way. */
  enabled: z.boolean(),
  /** Alert when a customer rises to this tier or above. */
  minTier: z.union([z.literal(4), z.literal(5)]),
  /** Alert when a worklist customer passes its contact due time with no action logged. */
  dueAlerts: z.boolean(),
  /** No notification between start and end (local time; a span may cross midnight). */
  quietHours: z.strictObject({ enabled: z.boolean(), start: clockTime, end: clockTime }),
  /** Notifications shown per local day, at most. */
  dailyCap: z.number().int().min(1).max(50),
  /** Only customers with this owner in the CRM (the agent's own worklist); null: every worklist customer. */
  owner: z.string().trim().min(1).max(200).nullable(),
});

export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  enabled: false,
  minTier: 4,
  dueAlerts: true,
  quietHours: { enabled: true, start: '19:00', end: '08:00' },
  dailyCap: 8,
  owner: null,
};

/** Minutes after midnight of an HH:MM time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
