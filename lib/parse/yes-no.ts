/**
 * Yes/no values: Yes/No, Y/N, true/false, T/F, 1/0, on/off, enabled/disabled,
 * 是/否, 有/无, 对/错, ✓/✗ (and ✔ ☑ √ ✅ / ✘ × ☒ ❌ ✖ ❎, with or without the emoji
 * variation selector: "✔️"), case-insensitive, surrounding
 * spaces ignored. Missing placeholders give `missing: true`; anything else
 * (e.g. "No internet service", "2", "maybe") is not ok.
 */
import { isMissing, normalizeText } from './missing';
import { MISSING, invalid, ok, type ParseResult, type RawValue } from './result';

const YES = new Set(['yes', 'y', 'true', 't', '1', 'on', 'enabled', '是', '有', '对', '✓', '✔', '☑', '√', '✅']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'off', 'disabled', '否', '无', '没有', '错', '✗', '✘', '×', '☒', '❌', '✖', '❎']);

export function parseYesNo(input: RawValue): ParseResult<boolean> {
  if (typeof input === 'boolean') return ok(input);
  if (typeof input === 'number') {
    if (input === 1) return ok(true);
    if (input === 0) return ok(false);
    return Number.isNaN(input) ? MISSING : invalid(`not a yes/no value: ${input}`);
  }
  if (isMissing(input)) return MISSING;
  const text = normalizeText(String(input)).toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  // "1.0" / "0.0" as written by spreadsheets and pandas.
  if (/^1(\.0+)?$/.test(text)) return ok(true);
  if (/^0(\.0+)?$/.test(text)) return ok(false);
  return invalid(`not a yes/no value: "${String(input).trim()}"`);
}
