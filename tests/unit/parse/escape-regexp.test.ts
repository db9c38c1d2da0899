import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '@/lib/parse/escape-regexp';

describe('escapeRegExp', () => {
  it('matches every RegExp metacharacter literally', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    const re = new RegExp(`^${escapeRegExp(text)}$`);
    expect(re.test(text)).toBe(true);
    expect(re.test(text.replace('.', 'x'))).toBe(false);
  });
});
