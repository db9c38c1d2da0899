import { describe, expect, it } from 'vitest';
import { countTrend, declineRaises, money, movedEn, movedZh, num, plural, signedPercent, trendOf } from '@/lib/indicators/reading';

const MINUS = '\u2212';

describe('indicator wording helpers', () => {
  it.each([
    [1234.5, 2, '1,234.5'],
    [1234567.891, 2, '1,234,567.89'],
    [0.05, 2, '0.05'],
    [999.999, 2, '1,000'],
    [-3.25, 2, `${MINUS}3.25`],
    [-0.001, 2, '0'],
    [12.34, 1, '12.3'],
    [7, 0, '7'],
  ])('num(%d, %d) = %s', (n, digits, text) => {
    expect(num(n, digits)).toBe(text);
  });

  it('money always has two decimals', () => {
    expect([money(0), money(12.3), money(1234.5), money(-20)]).toEqual(['0.00', '12.30', '1,234.50', `${MINUS}20.00`]);
  });

  it('signed percentages and their words', () => {
    expect([signedPercent(-0.4), signedPercent(0.25), signedPercent(0.004)]).toEqual([`${MINUS}40 %`, '+25 %', '0 %']);
    expect([movedEn(-0.4), movedEn(0.25), movedEn(0)]).toEqual(['down 40 %', 'up 25 %', 'unchanged']);
    expect([movedZh(-0.4), movedZh(0.25), movedZh(0)]).toEqual(['下降40%', '上升25%', '持平']);
  });

  it('plural', () => {
    expect([plural(1, 'day'), plural(2, 'day'), plural(0, 'order'), plural(2.5, 'day')]).toEqual(['1 day', '2 days', '0 orders', '2.5 days']);
  });

  it('trend: within ±10 % is flat; from nothing to something is up', () => {
    expect([trendOf(0.1), trendOf(0.11), trendOf(-0.11)]).toEqual(['flat', 'up', 'down']);
    expect([countTrend(0, 0), countTrend(0, 2), countTrend(4, 2), countTrend(10, 10)]).toEqual(['flat', 'up', 'down', 'flat']);
  });

  it('a fall of 25 % or more raises risk, a rise of 25 % or more lowers it', () => {
    expect([declineRaises(-0.25), declineRaises(-0.24), declineRaises(0.25), declineRaises(0.2)]).toEqual(['raises', 'neutral', 'lowers', 'neutral']);
  });
});
