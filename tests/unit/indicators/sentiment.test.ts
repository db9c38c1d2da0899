import { describe, expect, it } from 'vitest';
import { scanSentiment } from '../../../lib/indicators/sentiment';

const counts = (text: string) => {
  const s = scanSentiment(text);
  return [s.positive, s.negative];
};

describe('sentiment lexicon: English', () => {
  it.each([
    ['Customer is happy with the new plan', [1, 0]],
    ['Great support, thanks!', [2, 0]],
    ['Very disappointed, the app is broken', [0, 2]],
    ['Terrible service and a refund request', [0, 2]],
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it('flips a term after a negator among the three words before it', () => {
    expect(counts('not happy')).toEqual([0, 1]);
    expect(counts('Happy. Not')).toEqual([1, 0]); // a negator after the term does nothing
    expect(counts("I'm not very happy")).toEqual([0, 1]);
    expect(counts('Never had a problem')).toEqual([1, 0]);
    expect(counts('no issues this month')).toEqual([1, 0]);
    expect(counts("I can't recommend this")).toEqual([0, 1]);
    expect(counts('She doesn’t find it easy')).toEqual([0, 1]); // curly apostrophe
    expect(counts('not really all that happy')).toEqual([1, 0]); // negator four words back: outside the window
  });

  it('a clause boundary or "but" ends the negation', () => {
    expect(counts('Not bad, but the app is slow')).toEqual([1, 1]);
    expect(counts('Not a refund. Happy now')).toEqual([2, 0]); // "refund" negated → positive; "Happy" after the full stop stays positive
    expect(counts('no, happy')).toEqual([1, 0]);
  });

  it('matches whole words only and is case-insensitive', () => {
    expect(counts('Badge printed')).toEqual([0, 0]);
    expect(counts('GOOD')).toEqual([1, 0]);
  });
});

describe('sentiment lexicon: Chinese', () => {
  it.each([
    ['客户很满意', [1, 0]],
    ['客户不满意', [0, 1]], // one negative term, not 满意
    ['不太满意', [0, 1]],
    ['不是很满意', [0, 1]],
    ['没有问题', [1, 0]],
    ['非常满意', [1, 0]], // 非常 is "very", not a negator
    ['很不错', [1, 0]],
    ['服务太差，要投诉', [0, 2]],
    ['不，很满意', [1, 0]], // punctuation ends the negation
  ])('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it('mixed languages in one note', () => {
    expect(counts('Service was great 但是太慢')).toEqual([1, 1]);
  });
});

describe('sentiment score', () => {
  it('is (positive − negative) / (positive + negative), 0 without opinion words', () => {
    expect(scanSentiment('great, great, bad').score).toBeCloseTo(1 / 3, 10);
    expect(scanSentiment('Called about the invoice').score).toBe(0);
    expect(scanSentiment('').score).toBe(0);
    expect(scanSentiment('awful').score).toBe(-1);
  });
});
