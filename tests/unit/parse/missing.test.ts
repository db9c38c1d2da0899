import { describe, expect, it } from 'vitest';
import { isMissing, isMissingNormalized, normalizeText } from '@/lib/parse/missing';

describe('normalizeText', () => {
  it.each([
    ['  $1,234.50 ', '$1,234.50'], // plain ASCII: trimmed only
    ['Mar  5,   2024', 'Mar 5, 2024'], // runs of spaces collapse
    ['a\tb\nc', 'a b c'],
    ['１２３', '123'], // full-width digits
    ['￥１２，０００', '¥12,000'],
    ['1\u00a0234,50', '1 234,50'],
    ['1\u2009234\u202f567', '1 234 567'],
    ['\u3000是\u3000', '是'],
    ['✔️', '✔'], // emoji variation selector dropped
    ['a\u200bb', 'ab'], // zero-width space dropped
  ])('%j → %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe('isMissing', () => {
  it.each([null, undefined, Number.NaN, '', '  ', '—', '--', 'N/A', 'n/a', '#N/A', 'null', '暂无', '未知', '(blank)'])('%j is missing', (value) => {
    expect(isMissing(value)).toBe(true);
  });

  it.each([0, false, '0', 'none', '无', 'No', 'a long text that is not a placeholder'])('%j is a value', (value) => {
    expect(isMissing(value)).toBe(false);
  });

  it('isMissingNormalized agrees on normalised text', () => {
    expect(isMissingNormalized('')).toBe(true);
    expect(isMissingNormalized('N/A')).toBe(true);
    expect(isMissingNormalized('—')).toBe(true);
    expect(isMissingNormalized('0')).toBe(false);
    expect(isMissingNormalized('$20')).toBe(false);
  });
});
