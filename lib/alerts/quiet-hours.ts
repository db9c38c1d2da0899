import { minutesOf, type AlertSettings } from './alert-settings';

/** The local clock the alert rules read: minutes after midnight and the local calendar day. */
export interface LocalClock {
  minute: number;
  /** YYYY-MM-DD in local time: the day the daily cap counts. */
  day: string;
}

export function localClock(date: Date): LocalClock {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { minute: date.getHours() * 60 + date.getMinutes(), day: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` };
}

/**
 * Whether a minute of the day falls in the quiet span [start, end). A span
 * whose end is before its start crosses midnight (19:00–08:00). Equal start
 * and end is an empty span, not the whole day: an agent who wants no alerts
 * turns them off, and "quiet all day" typed by accident must not hide them
 * without saying so.
 */
export function inQuietHours(quiet: AlertSettings['quietHours'], minute: number): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
