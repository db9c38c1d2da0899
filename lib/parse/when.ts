/**
 * An activity's time as a CRM shows it, whichever way it is written: a date
 * (every form of parseDate: "2024-03-05", "03/05/2024" with `order`,
 * "2024年3月5日", "Mar 5, 2024 2:30 PM") or a relative time (every form of
 * parseRelativeTime: "3 days ago", "yesterday", "3天前", "上周") → epoch ms.
 *
 * A date is tried first (no date form reads as a relative time). When
 * neither parses, the reason is the one from the parser that recognised the
 * form ("ambiguous: March 5 or 3 May…", "impossible date…"), else both
 * failed to recognise it.
 */
import { NOT_A_DATE, parseDate, type DateOptions } from './date';
import { isMissing } from './missing';
import { NOT_A_RELATIVE_TIME, parseRelativeTime } from './relative-time';
import { MISSING, invalid, type ParseResult, type RawValue } from './result';

export type WhenOptions = DateOptions;

export function parseWhen(input: RawValue, now: number, options: WhenOptions = {}): ParseResult<number> {
  if (isMissing(input)) return MISSING;
  const date = parseDate(input, options);
  if (date.ok) return date;
  const relative = parseRelativeTime(input, now);
  if (relative.ok) return relative;
  if (!date.reason.startsWith(NOT_A_DATE)) return date;
  if (!relative.reason.startsWith(NOT_A_RELATIVE_TIME)) return relative;
  return invalid(`neither a date nor a relative time: "${String(input).trim()}"`);
}
