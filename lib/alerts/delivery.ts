import type { AlertSettings } from './alert-settings';
import type { AlertEvent, AlertState, Delivery } from './alert-log';
import { inQuietHours, type LocalClock } from './quiet-hours';

type Candidate = Pick<AlertEvent, 'kind' | 'tier'>;

/** Whether the agent asked for this kind of alert at all. */
function wanted(settings: AlertSettings, event: Candidate): boolean {
  return event.kind === 'rise' ? event.tier >= settings.minTier : settings.dueAlerts;
}

/**
 * How each new alert is delivered, in order, and the day's count after them:
 * not a notification when alerts are off, the browser's permission is
 * missing or the agent did not ask for it; held back in quiet hours; held
 * back once the day's cap is reached (the count starts again each local day).
 */
export function deliver(
  settings: AlertSettings,
  permitted: boolean,
  shown: AlertState['shown'],
  clock: LocalClock,
  events: readonly Candidate[],
): { deliveries: Delivery[]; shown: AlertState['shown'] } {
  let count = shown.day === clock.day ? shown.count : 0;
  const quiet = inQuietHours(settings.quietHours, clock.minute);
  const deliveries = events.map((event): Delivery => {
    if (!settings.enabled || !permitted || !wanted(settings, event)) return 'off';
    if (quiet) return 'quiet';
    if (count >= settings.dailyCap) return 'capped';
    count++;
    return 'shown';
  });
  return { deliveries, shown: { day: clock.day, count } };
}
