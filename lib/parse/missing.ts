import type { RawValue } from './result';

/**
 * Placeholders CRMs and spreadsheets show for "no value". Compared after
 * trimming and lower-casing. Deliberately short: words that can be real
 * values in some field ("none", "无", "0") are not here.
 */
const MISSING_TOKENS = new Set([
  '',
  '-',
  '--',
  '---',
  '—',
  '——',
  '–',
  '_',
  '?',
  'n/a',
  'na',
  '#n/a',
  'n.a.',
  'null',
  'nil',
  'nan',
  'undefined',
  '(blank)',
  '(empty)',
  '暂无',
  '未知',
  '未填写',
  '空',
  '／',
  '/',
]);

/** True when the value means "no value" (null, undefined, blank, "—", "N/A", …). */
export function isMissing(value: RawValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'boolean') return false;
  const trimmed = value.trim();
  if (trimmed === '') return true;
  // Every token is short; skip normalising long text (hot path in preprocessing).
  if (trimmed.length > 16) return false;
  return MISSING_TOKENS.has(normalizeText(trimmed).toLowerCase());
}

/** isMissing for text already passed through normalizeText (saves normalising twice on hot paths). */
export function isMissingNormalized(text: string): boolean {
  return text === '' || (text.length <= 16 && MISSING_TOKENS.has(text.toLowerCase()));
}

// Printable ASCII words separated by single spaces: NFKC and the replacements below change nothing.
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
const SPACES = /[\s\u00a0\u2007\u202f\u2009\u200a\u3000]+/g;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the variation selectors are stripped one by one, never joined to a base character
const INVISIBLE = /[\u200b\u200c\u200d\ufeff\ufe0e\ufe0f]/g;

/**
 * Unicode-normalise CRM text for parsing: NFKC (full-width digits and
 * symbols → ASCII, "￥" → "¥"), every kind of space → " ", zero-width
 * characters and emoji variation selectors ("✔️" → "✔") dropped, trimmed.
 */
export function normalizeText(text: string): string {
  const trimmed = text.trim();
  if (PLAIN_ASCII.test(trimmed)) return trimmed;
  return trimmed.normalize('NFKC').replace(SPACES, ' ').replace(INVISIBLE, '').trim();
}
