/** CRM value parsing: one file per value type, each a pure function returning a ParseResult. */
export * from './result';
export { isMissing, normalizeText } from './missing';
export { parseNumber, type NumberKind, type NumberOptions, type NumberResult, type ParsedNumber } from './number';
export { parseYesNo } from './yes-no';
export { parseDate, isoDay, type DateOptions, type DateOrder } from './date';
export { parseRelativeTime } from './relative-time';
export { parseDuration, type Duration, type DurationOptions, type DurationUnit } from './duration';
export { parseWhen, type WhenOptions } from './when';
export { parseActivity, parseActivities, fnv1a32, type ActivityContext, type ParsedActivities } from './activity';
export { DAYS_PER_MONTH, addMonthsUTC, startOfDayUTC } from './calendar';
