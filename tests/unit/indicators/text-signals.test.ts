import { describe, expect, it } from 'vitest';
import { scanSignals, signalMatcher, type SignalCounts } from '@/lib/indicators/text-signals';

const scan = (texts: string[], competitors: string[] = []): SignalCounts => {
  const into: SignalCounts = { competitor: 0, switching: 0, rival: 0, discount: 0, referral: 0, credit: 0, names: [] };
  const matcher = signalMatcher(competitors);
  for (const t of texts) scanSignals(t, matcher, into);
  return into;
};

describe('text signals', () => {
  it('finds the manager’s competitor names, case-insensitively, as whole words, and says which', () => {
    const s = scan(['They said ACME is cheaper', 'Visited Acmeville office', 'Globex called them'], ['Acme', 'Globex']);
    expect(s).toMatchObject({ competitor: 2, rival: 2, discount: 1, names: ['Acme', 'Globex'] });
  });

  it('finds Chinese competitor names inside a sentence', () => {
    expect(scan(['客户提到竞品A的价格'], ['竞品A'])).toMatchObject({ competitor: 1, rival: 1, names: ['竞品A'] });
  });

  it('counts switching talk without a named competitor; a text counts once for rival talk', () => {
    expect(scan(['Thinking of switching to another provider'])).toMatchObject({ competitor: 0, switching: 1, rival: 1 });
    expect(scan(['Acme competitor, switching to Acme'], ['Acme'])).toMatchObject({ competitor: 1, switching: 1, rival: 1 });
  });

  it('counts each signal at most once per text', () => {
    expect(scan(['Asked for a discount, then a coupon, then a discount again'])).toMatchObject({ discount: 1 });
    expect(scan(['想要折扣', '太贵了，有优惠吗'])).toMatchObject({ discount: 2 });
  });

  it('referrals and credit trouble, in English and Chinese', () => {
    const s = scan(['Referred two colleagues', '客户推荐了朋友', 'Card declined twice', '账户已被催收', 'Paid with a credit card']);
    expect(s).toMatchObject({ referral: 2, credit: 2 });
  });

  it('rebuilds its matcher only when the competitor list changes', () => {
    expect(signalMatcher(['Acme'])).toBe(signalMatcher(['Acme']));
    expect(signalMatcher(['Acme'])).not.toBe(signalMatcher(['Acme', 'Globex']));
  });

  it('ignores blank names and escapes regex characters in names', () => {
    expect(scan(['We use C++ Tools now'], ['  ', 'C++ Tools'])).toMatchObject({ competitor: 1, names: ['C++ Tools'] });
  });
});
