/** CRM value parsing: one file per value type, each a pure function returning a ParseResult. */
export * from './result';
export { isMissing, normalizeText } from './missing';
export { parseNumber, type NumberKind, type NumberOptions, type NumberResult, type ParsedNumber } from './number';
export { parseYesNo } from './yes-no';
