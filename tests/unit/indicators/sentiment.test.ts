import { describe, expect, it } from 'vitest';
import { scanSentiment } from '@/lib/indicators/sentiment';

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

describe('sentiment: solved problems', () => {
  it.each([
    ['problem solved', [1, 0]],
    ['Problem solved!', [1, 0]],
    ['issue resolved', [1, 0]],
    ['The issue has been resolved', [1, 0]],
    ['resolved the billing issue', [1, 0]], // resolution first
    ['Fixed the bug, customer happy', [2, 0]],
    ['bug and crash fixed', [2, 0]], // every trouble of the phrase is solved
    ['no issues, resolved quickly', [2, 0]],
    ['no problem', [1, 0]],
    ['Never had a problem', [1, 0]],
  ])('English: %s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it.each([
    ['问题已解决', [1, 0]],
    ['已解决', [1, 0]],
    ['故障已修复', [1, 0]],
    ['问题已经全部解决了', [1, 0]],
    ['解决了问题', [1, 0]],
    ['帮客户解决了这个问题', [1, 0]],
    ['没问题', [1, 0]],
    ['不再有问题', [1, 0]],
  ])('Chinese: %s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it.each([
    ['problem not resolved', [0, 1]],
    ['The issue was never fixed', [0, 1]],
    ["the bug hasn't been fixed", [0, 1]],
    ['issue still to be fixed', [0, 1]], // pending
    ['The bug is being fixed', [0, 1]],
    ['问题未解决', [0, 1]],
    ['问题还没有解决', [0, 1]],
    ['问题待解决', [0, 1]],
    ['无法解决问题', [0, 1]],
    ['问题正在修复', [0, 1]],
  ])('a negated or pending resolution leaves the problem: %s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it('a resolution alone: resolved / 已解决 positive, a bare fixed / 解决 neutral unless negated or pending', () => {
    expect(counts('Resolved')).toEqual([1, 0]);
    expect(counts('not resolved')).toEqual([0, 1]);
    expect(counts('fixed price plan')).toEqual([0, 0]);
    expect(counts('still not fixed')).toEqual([0, 1]);
    expect(counts('需要解决')).toEqual([0, 1]);
    expect(counts('无法解决')).toEqual([0, 1]);
  });

  it('the phrase ends at a clause boundary, at "but", and beyond six words', () => {
    expect(counts('Problem with login; fixed')).toEqual([0, 1]);
    expect(counts('problem, but fixed')).toEqual([0, 1]);
    expect(counts('问题很多，已解决')).toEqual([1, 1]); // 已解决 alone after the comma
    expect(counts('problem with the login page was fixed')).toEqual([1, 0]); // five words apart
    expect(counts('the problem we had with the router last month is now resolved')).toEqual([1, 1]); // nine: two terms
    expect(counts('issue resolved, but the app is slow')).toEqual([1, 1]);
  });

  it('scores a solved problem as positive', () => {
    expect(scanSentiment('问题已解决').score).toBe(1);
    expect(scanSentiment('Problem solved').score).toBe(1);
    expect(scanSentiment('问题未解决').score).toBe(-1);
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
