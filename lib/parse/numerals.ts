/** Small counts written as words, as relative times and durations show them ("a week ago", "两年", "三天前"). */

const EN_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals from 0 to 99: 三, 十, 十二, 二十, 二十三, 两. */
export const ZH_NUMBER_SOURCE = '[零〇一二两三四五六七八九十]{1,3}';

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * A count written in digits ("3", "1.5"), as an English word ("a", "an",
 * "one"…"twelve") or in Chinese numerals below 100; undefined otherwise.
 */
export function parseCount(token: string): number | undefined {
  if (DECIMAL.test(token)) return Number(token);
  if (Object.hasOwn(EN_WORDS, token)) return EN_WORDS[token];
  return parseChineseNumber(token);
}

function parseChineseNumber(token: string): number | undefined {
  if (token.length === 1) return Object.hasOwn(ZH_DIGITS, token) ? ZH_DIGITS[token] : token === '十' ? 10 : undefined;
  const ten = token.indexOf('十');
  if (ten === -1 || token.indexOf('十', ten + 1) !== -1) return undefined;
  const tensText = token.slice(0, ten);
  const unitsText = token.slice(ten + 1);
  const tens = tensText === '' ? 1 : digit(tensText);
  const units = unitsText === '' ? 0 : digit(unitsText);
  if (tens === undefined || units === undefined || tensText === '两') return undefined; // 二十, never 两十
  return tens * 10 + units;
}

function digit(text: string): number | undefined {
  return text.length === 1 && Object.hasOwn(ZH_DIGITS, text) && text !== '零' && text !== '〇' ? ZH_DIGITS[text] : undefined;
}
