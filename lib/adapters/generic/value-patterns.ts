/**
 * Values found inside running text: the first date or relative time, the
 * first amount of money, and a sentence's label ("Last activity 3 days ago"
 * → "Last activity" + "3 days ago"). Texts are searched in their first
 * MAX_SCAN characters only: a 100 KB note must not cost quadratic regex
 * time (runs of digits are where these patterns backtrack).
 */

const MAX_SCAN = 2000;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_IN_TEXT = new RegExp(
  [
    '\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s*\\d{1,2}:\\d{2})?',
    '\\d{4}-\\d{1,2}-\\d{1,2}(?:[ T]\\d{1,2}:\\d{2})?',
    '\\d{1,4}[/.]\\d{1,2}[/.]\\d{1,4}',
    `${MONTH}\\s+\\d{1,2},?\\s+\\d{4}`,
    `\\d{1,2}\\s+${MONTH}\\s+\\d{4}`,
    '\\d+\\s+(?:minute|hour|day|week|month|year)s?\\s+ago',
    '\\b(?:yesterday|today)\\b',
    '\\d+\\s*(?:分钟|小时|天|周|个月|年)前',
    '昨天|今天|前天',
  ].join('|'),
  'i',
);
const MONEY_IN_TEXT = /(?:US\$|HK\$|[$€£¥￥]|RMB\s?|CNY\s?|USD\s?|EUR\s?)\s?-?\d[\d,]*(?:\.\d+)?|-?\d[\d,]*(?:\.\d+)?\s?(?:万元|元|USD|CNY|EUR|RMB)/i;

const head = (text: string) => (text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text);

export const firstDateIn = (text: string): string | undefined => DATE_IN_TEXT.exec(head(text))?.[0];
export const firstMoneyIn = (text: string): string | undefined => MONEY_IN_TEXT.exec(head(text))?.[0];

const MAX_SENTENCE = 80;
const MAX_SENTENCE_LABEL = 40;
const HAS_LETTER = /\p{L}/u;
const TIME_AFTER = /^(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i;

/**
 * A short sentence that ends in a date, a relative time or an amount, read as
 * label + value: "Added on Jun 7, 2026" → { label: "Added on", value: "Jun 7, 2026" },
 * "last activity 3 days ago" → { label: "last activity", value: "3 days ago" }.
 * Null when the text is not one (no value at its end, or nothing before it).
 */
export function splitSentence(text: string): { label: string; value: string } | null {
  if (text.length > MAX_SENTENCE) return null;
  const found = DATE_IN_TEXT.exec(text) ?? MONEY_IN_TEXT.exec(text);
  if (!found || found.index === 0 || text[found.index - 1] !== ' ') return null;
  const rest = text.slice(found.index + found[0].length).trim();
  if (rest !== '' && !TIME_AFTER.test(rest)) return null;
  const value = text.slice(found.index).trim();
  const label = text
    .slice(0, found.index)
    .trim()
    .replace(/[:：]$/, '')
    .trim();
  return label !== '' && label.length <= MAX_SENTENCE_LABEL && HAS_LETTER.test(label) ? { label, value } : null;
}
