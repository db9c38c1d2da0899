import { describe, expect, it } from 'vitest';
import { parseWhen } from '@/lib/parse/when';

const NOW = Date.UTC(2024, 2, 31, 15, 30);
const DAY = 86_400_000;

function at(text: string, options?: Parameters<typeof parseWhen>[2]): number {
  const r = parseWhen(text, NOW, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.reason}`);
  return r.value;
}

function reason(text: string, options?: Parameters<typeof parseWhen>[2]): string {
  const r = parseWhen(text, NOW, options);
  expect(r.ok, `${JSON.stringify(text)} should not parse`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return r.reason;
}

describe('parseWhen', () => {
  it.each([
    ['2024-03-05', Date.UTC(2024, 2, 5)],
    ['2024-03-05 14:30', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024年3月5日', Date.UTC(2024, 2, 5)],
    ['Mar 5, 2024', Date.UTC(2024, 2, 5)],
    ['3 days ago', NOW - 3 * DAY],
    ['yesterday', Date.UTC(2024, 2, 30)],
    ['yesterday at 3:45 PM', Date.UTC(2024, 2, 30, 15, 45)],
    ['3天前', NOW - 3 * DAY],
    ['昨天 14:30', Date.UTC(2024, 2, 30, 14, 30)],
    ['上周', NOW - 7 * DAY],
    ['just now', NOW],
  ])('%s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('passes the date options on', () => {
    expect(at('03/05/2024', { order: 'mdy' })).toBe(Date.UTC(2024, 2, 5));
    expect(at('03/05/2024', { order: 'dmy' })).toBe(Date.UTC(2024, 4, 3));
    expect(at('3月5日', { referenceYear: 2024 })).toBe(Date.UTC(2024, 2, 5));
  });

  it('keeps the reason of the parser that recognised the form', () => {
    expect(reason('03/05/2024')).toMatch(/ambiguous: March 5/);
    expect(reason('2024-02-30')).toMatch(/impossible date/);
    expect(reason('3月5日')).toMatch(/no year/);
    expect(reason('a few days ago')).toMatch(/vague/);
    expect(reason('5m ago')).toMatch(/"m" could be/);
  });

  it('says when the text is neither', () => {
    expect(reason('hello')).toBe('neither a date nor a relative time: "hello"');
    expect(reason('3 days')).toMatch(/neither/);
  });

  it('blank is missing', () => {
    expect(parseWhen('', NOW)).toMatchObject({ ok: false, missing: true });
    expect(parseWhen(undefined, NOW)).toMatchObject({ ok: false, missing: true });
  });
});
