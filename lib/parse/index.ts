/** CRM value parsing: one file per value type, each a pure function returning a ParseResult. */
export * from './result';
export { isMissing } from './missing';
export { parseNumber } from './number';
export { parseYesNo } from './yes-no';
export { parseDate, isoDay, type DateOrder } from './date';
export { parseDuration } from './duration';
export { parseWhen } from './when';
export { parseActivities } from './activity';
export { DAYS_PER_MONTH, startOfDayUTC } from './calendar';
