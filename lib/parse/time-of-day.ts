/**
 * A time of day at the end of a date or a day word, as CRMs show it:
 * "14:30", "14:30:15", "14:30:15.250", "2:30 PM", "3pm", "at 3:45 p.m.",
 * "T10:00:00Z", "10:00+08:00", "10:00 UTC", "10:00 GMT+8",
 * "下午2:30", "下午3点", "14点30分", "晚上8点".
 *
 * An hour alone counts as a time only with AM/PM or 点/时 ("Mar 5" is not
 * 5 o'clock). A stated zone is honoured; without one the caller treats the
 * time as UTC.
 */
import { HOUR_MS, MINUTE_MS, SECOND_MS } from './calendar';

export interface TimeOfDay {
  /** Milliseconds since midnight, as written (before any zone). */
  ms: number;
  /** Offset east of UTC, when the text states a zone ("Z" = 0). */
  offsetMs?: number;
}

export type TimeSplit = { rest: string; time: TimeOfDay } | { rest: string; error: string };

// Input is normalised and lower-cased. Groups: 1 Chinese period, 2 hour,
// 3 minute, 4 second, 5 fraction, 6 点-minute, 7 am/pm, 8 zone.
const TIME_AT_END =
  /(?:^|(?<=\d)t|(?<=[日号天])|[\s,]+(?:at\s+|@\s*)?)(上午|早上|凌晨|中午|下午|晚上)?\s*(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?|\s*[点时](?:\s*(\d{1,2})\s*分?)?)?\s*(?:([ap])\.?m\.?)?\s*(z|(?:utc|gmt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?)?$/;
const MAYBE_TIME = /[:点时]|\d\s*[ap]\.?m/;
const ZONE = /^(?:z|utc|gmt)?\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

/**
 * Split a trailing time of day off `text` (normalised, lower-case). Undefined
 * when there is none; an error when it looks like a time but cannot be one
 * ("25:00", "13 pm").
 */
export function splitTimeOfDay(text: string): TimeSplit | undefined {
  if (!MAYBE_TIME.test(text)) return undefined; // TIME_AT_END tries every position: skip it for plain dates
  const m = TIME_AT_END.exec(text);
  if (!m) return undefined;
  const [whole, period, hourText, minuteText, secondText, fractionText, pointMinuteText, ampm, zoneText] = m;
  const isPoint = /[点时]/.test(whole);
  if (minuteText === undefined && !isPoint && ampm === undefined) return undefined;
  const rest = text.slice(0, m.index).replace(/[\s,]+$/, '');

  let hour = Number(hourText);
  const minute = Number(minuteText ?? pointMinuteText ?? 0);
  const second = Number(secondText ?? 0);
  const fraction = fractionText === undefined ? 0 : Number(`0.${fractionText}`);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return { rest, error: `hour ${hour} cannot take ${ampm}m` };
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (period !== undefined) {
    const afternoon = period === '中午' || period === '下午' || period === '晚上';
    if (afternoon && hour < 12) hour += period === '中午' && hour >= 11 ? 0 : 12;
    else if (!afternoon && hour === 12) hour = period === '凌晨' ? 0 : 12;
    else if (!afternoon && hour > 12) return { rest, error: `${period} ${hour}点 is not a time` };
  }
  if (hour > 23) return { rest, error: `hour ${hour} does not exist` };
  if (minute > 59) return { rest, error: `minute ${minute} does not exist` };
  if (second > 59) return { rest, error: `second ${second} does not exist` };

  const time: TimeOfDay = { ms: hour * HOUR_MS + minute * MINUTE_MS + Math.round((second + fraction) * SECOND_MS) };
  if (zoneText !== undefined) {
    const z = ZONE.exec(zoneText.replace(/\s+/g, ''));
    if (!z) return { rest, error: `unrecognised time zone "${zoneText}"` };
    const [, sign, zh, zm] = z;
    const offsetMinutes = sign === undefined ? 0 : (Number(zh) * 60 + Number(zm ?? 0)) * (sign === '-' ? -1 : 1);
    if (Math.abs(offsetMinutes) > 14 * 60 || Number(zm ?? 0) > 59) return { rest, error: `time zone "${zoneText}" does not exist` };
    time.offsetMs = offsetMinutes * MINUTE_MS;
  }
  return { rest, time };
}
