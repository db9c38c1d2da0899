import { describe, expect, it } from 'vitest';
import { parseNumber } from '@/lib/parse/number';

function value(text: string | number | null | undefined, options?: Parameters<typeof parseNumber>[1]) {
  const r = parseNumber(text, options);
  if (!r.ok) throw new Error(`expected ok for ${JSON.stringify(text)}, got: ${r.reason}`);
  return r;
}

function notOk(text: string, options?: Parameters<typeof parseNumber>[1]) {
  const r = parseNumber(text, options);
  expect(r.ok, `${JSON.stringify(text)} should not parse, got ${JSON.stringify(r)}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return r;
}

describe('parseNumber: plain numbers', () => {
  it.each([
    ['29.85', 29.85],
    ['0', 0],
    ['-3', -3],
    ['+5', 5],
    ['−20', -20], // Unicode minus
    ['.5', 0.5],
    ['0.125', 0.125],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ['1\u00a0234,5', 1234.5], // no-break space grouping, decimal comma
    ["1'234.50", 1234.5],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['29,85', 29.85], // decimal comma (not a 3-digit group)
    ['0,5', 0.5],
    ['1.5e3', 1500],
    ['1.234e3', 1234], // an exponent makes the dot a decimal point
    ['(1,234.00)', -1234], // accounting negative without a currency
    ['1\u2009234,50', 1234.5], // thin space grouping
    ['1\u202f234,50', 1234.5], // narrow no-break space grouping
    ['1.2345', 1.2345], // four decimals cannot be a thousands group
    ['0.125', 0.125],
    ['１２３', 123], // full-width digits
    ['  42  ', 42],
  ])('%s → %d', (text, expected) => {
    const r = value(text);
    expect(r.value).toBeCloseTo(expected, 10);
    expect(r.kind).toBe('number');
  });

  it('accepts finite JS numbers as they are', () => {
    expect(value(3.25).value).toBe(3.25);
    expect(parseNumber(Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('parseNumber: money', () => {
  it.each([
    ['$1,234.50', 1234.5, '$'],
    ['$1,234', 1234, '$'], // money has 0 or 2 decimals: the comma groups
    ['-$20', -20, '$'],
    ['$-20', -20, '$'],
    ['($20.00)', -20, '$'], // accounting negative
    ['¥12,000', 12000, '¥'],
    ['￥12,000', 12000, '¥'], // full-width yen sign
    ['€1.234,50', 1234.5, '€'],
    ['€1.234', 1234, '€'],
    ['1 234,50 €', 1234.5, '€'],
    ['12,000元', 12000, '元'],
    ['1.2万元', 12000, '元'],
    ['USD 20', 20, 'USD'],
    ['20 USD', 20, 'USD'],
    ['US$ 5.5', 5.5, 'US$'],
    ['$3.5k', 3500, '$'],
    ['RMB 1,000', 1000, 'RMB'],
    ['($1,234.00)', -1234, '$'],
    ['US$20', 20, 'US$'],
    ['-US$20', -20, 'US$'],
    ['CN¥20', 20, 'CN¥'],
    ['CN￥20', 20, 'CN¥'],
    ['人民币 1,000', 1000, '人民币'],
    ['1,000元', 1000, '元'],
    ['1,234.50 RMB', 1234.5, 'RMB'],
    ['￥１２，０００', 12000, '¥'], // full-width digits, comma and yen sign
    ['1\u202f234,50 €', 1234.5, '€'],
    ['$2.5M', 2_500_000, '$'],
    ['$1.234M', 1_234_000, '$'], // before a magnitude the dot is a decimal point, even for money
    ['¥3亿', 300_000_000, '¥'],
    ['1.2万元', 12000, '元'],
  ])('%s → %d (%s)', (text, expected, currency) => {
    const r = value(text);
    expect(r.value).toBeCloseTo(expected, 10);
    expect(r.kind).toBe('money');
    expect(r.currency).toBe(currency);
  });

  it('reads a rate as money per period', () => {
    expect(value('$29.85/mo')).toMatchObject({ value: 29.85, kind: 'money', unit: 'per month' });
    expect(value('¥99/月')).toMatchObject({ value: 99, kind: 'money', unit: 'per month' });
  });
});

describe('parseNumber: magnitudes and percentages', () => {
  it.each([
    ['3.5k', 3500],
    ['3.5K', 3500],
    ['1.2万', 12000],
    ['1.1万', 11000], // exact, not 11000.000000000002
    ['2亿', 200_000_000],
    ['3千', 3000],
    ['1.5M', 1_500_000],
    ['3 million', 3_000_000],
    ['1.234万', 12340],
    ['2k', 2000],
  ])('%s → %d', (text, expected) => {
    expect(value(text).value).toBe(expected);
  });

  it.each([
    ['12.5%', 0.125],
    ['12.5 %', 0.125],
    ['-3%', -0.03],
    ['１００％', 1],
    ['5‰', 0.005],
    ['1.234%', 0.01234], // a percentage's dot is a decimal point
  ])('%s → %d (the fraction it denotes)', (text, expected) => {
    const r = value(text);
    expect(r.value).toBeCloseTo(expected, 12);
    expect(r.kind).toBe('percent');
  });
});

describe('parseNumber: counts with units, English and Chinese', () => {
  it.each([
    ['34 months', 34, 'month'],
    ['1 month', 1, 'month'],
    ['34 个月', 34, 'month'],
    ['34个月', 34, 'month'],
    ['2 years', 2, 'year'],
    ['2 年', 2, 'year'],
    ['1.5 months', 1.5, 'month'],
    ['3 orders', 3, 'order'],
    ['1 order', 1, 'order'],
    ['5 单', 5, 'order'],
    ['5单', 5, 'order'],
    ['7 次', 7, 'time'],
    ['12 days', 12, 'day'],
    ['12 天', 12, 'day'],
    ['1,234 orders', 1234, 'order'], // whole counts: the comma groups
    ['4 tickets', 4, 'ticket'],
    ['3 Months', 3, 'month'],
  ])('%s → %d %s', (text, expected, unit) => {
    const r = value(text);
    expect(r.value).toBe(expected);
    expect(r.kind).toBe('count');
    expect(r.unit).toBe(unit);
  });
});

describe('parseNumber: missing is not invalid', () => {
  it.each(['', '   ', '—', '-', '--', 'N/A', 'n/a', 'NA', 'null', '暂无'])('%j is missing', (text) => {
    const r = parseNumber(text);
    expect(r).toMatchObject({ ok: false, missing: true });
  });

  it('null and undefined are missing', () => {
    expect(parseNumber(null)).toMatchObject({ ok: false, missing: true });
    expect(parseNumber(undefined)).toMatchObject({ ok: false, missing: true });
  });
});

describe('parseNumber: ambiguous or unreadable → not ok, never a wrong number', () => {
  it.each([
    ['1,234', /ambiguous/], // 1234 (en/zh) or 1.234 (de/fr)
    ['12,345', /ambiguous/],
    ['1.234', /ambiguous/], // 1.234 (en/zh) or 1234 (de/fr)
    ['12.345', /ambiguous/],
    ['123.456', /ambiguous/],
    ['1.234 months', /ambiguous/], // months are not whole counts, so no grouping context
    ['3m', /ambiguous/], // million? minutes? metres?
    ['3月', /ambiguous/], // three months, or March
    ['3 pm', /time of day/],
    ['2023年', /calendar year/],
    ['100+', /approximate/],
    ['~5', /approximate/],
    ['约100', /approximate/],
    ['>3', /approximate/],
    ['abc', /no number/],
    ['12 34', /spaces/],
    ['1,23,456', /separators/],
    ['1.234.5', /separators|decimal/],
    ['1,234,56', /separators/],
    ['-$-20', /sign/],
    ['5 widgets', /unrecognised unit/],
    ['3 constructor', /unrecognised unit/], // not fooled by Object.prototype
    ['1.5 orders', /fraction/],
    ['$5%', /money and a percentage/],
    ['12.', /unrecognised/],
    ['1.2.3.4', /separators/],
  ])('%s', (text, reason) => {
    const r = notOk(text);
    expect(r.missing).toBe(false);
    expect(r.reason).toMatch(reason);
  });

  it('a known decimal separator resolves "1,234"', () => {
    expect(value('1,234', { decimal: '.' }).value).toBe(1234);
    expect(value('1,234', { decimal: ',' }).value).toBeCloseTo(1.234, 12);
    expect(value('1.234', { decimal: ',' }).value).toBe(1234);
    notOk('1,234.5', { decimal: ',' });
    expect(value('1.234', { decimal: '.' }).value).toBeCloseTo(1.234, 12);
    expect(value('12.345', { decimal: ',' }).value).toBe(12345);
  });

  it("source 'file' reads a lone dot as a decimal point, and changes nothing else", () => {
    expect(value('1.234', { source: 'file' }).value).toBeCloseTo(1.234, 12);
    expect(value('123.456', { source: 'file' }).value).toBeCloseTo(123.456, 12);
    expect(value('€1.234', { source: 'file' }).value).toBe(1234); // money keeps its grouping rule
    expect(value('29,85', { source: 'file' }).value).toBeCloseTo(29.85, 12);
    expect(notOk('1,234', { source: 'file' }).reason).toMatch(/ambiguous/);
  });
});
