/**
 * Phrases in notes, tickets, contacts and payment texts that the competition,
 * loyalty and financial indicators count: competitor names (the manager's
 * list), switching talk, price sensitivity (discount requests), referrals and
 * credit trouble. One regular-expression pass per text; each text counts at
 * most once per signal, whatever the number of phrases in it.
 *
 * Limits: plain phrase matching, no negation ("not switching to X" still
 * counts as a mention — a competitor named at all is worth a look).
 */

import { escapeRegExp } from '@/lib/parse/escape-regexp';

type Signal = 'competitor' | 'switching' | 'discount' | 'referral' | 'credit';

/** Texts that mentioned each signal, and the competitor names found (as the list spells them, in order of first mention). */
export interface SignalCounts {
  competitor: number;
  switching: number;
  /** Texts naming a competitor or talking about switching (each text once). */
  rival: number;
  discount: number;
  referral: number;
  credit: number;
  names: string[];
}

const PHRASES: Record<Exclude<Signal, 'competitor'>, string[]> = {
  switching: [
    'competitor',
    'competitors',
    'switch to',
    'switching to',
    'switched to',
    'another provider',
    'other provider',
    'other vendor',
    'better offer',
    'better deal',
    'alternatives',
    '竞争对手',
    '竞品',
    '对手',
    '换成',
    '换到',
    '转到',
    '转投',
    '别家',
    '其他供应商',
    '其他家',
    '更好的报价',
  ],
  discount: [
    'discount',
    'discounts',
    'coupon',
    'coupons',
    'promo code',
    'cheaper',
    'too expensive',
    'price too high',
    'lower price',
    'price match',
    'price increase',
    'rebate',
    'special offer',
    '折扣',
    '打折',
    '优惠',
    '优惠券',
    '便宜',
    '太贵',
    '降价',
    '涨价',
    '价格高',
    '比价',
    '返现',
    '减免',
  ],
  referral: [
    'referred',
    'referral',
    'referrals',
    'recommended us',
    'recommends us',
    'introduced a friend',
    'word of mouth',
    '推荐了',
    '介绍了',
    '转介绍',
    '介绍朋友',
    '老带新',
    '推荐朋友',
  ],
  credit: [
    'chargeback',
    'dispute',
    'disputed',
    'credit hold',
    'sent to collections',
    'collection agency',
    'bankrupt',
    'bankruptcy',
    'insolvent',
    'insolvency',
    'card declined',
    'declined card',
    'bounced',
    'payment plan',
    'cannot pay',
    "can't pay",
    '拒付',
    '催收',
    '征信',
    '信用问题',
    '信用差',
    '破产',
    '欠费',
    '资金紧张',
    '付不起',
    '账单逾期',
  ],
};

const WORD_START = /^\w/;
const WORD_END = /\w$/;
/** English words match whole words; Chinese (and other) terms anywhere. */
const bounded = (t: string) => `${WORD_START.test(t) ? '\\b' : ''}${escapeRegExp(t)}${WORD_END.test(t) ? '\\b' : ''}`;

export interface SignalMatcher {
  regex: RegExp;
  /** Lower-cased phrase → signal; competitor names map to 'competitor'. */
  signalOf: Map<string, Signal>;
  /** Lower-cased competitor name → the name as the manager wrote it. */
  names: Map<string, string>;
}

let cached: { key: string; matcher: SignalMatcher } | null = null;

/** The matcher for a competitor list (rebuilt only when the list changes). */
export function signalMatcher(competitors: readonly string[]): SignalMatcher {
  const key = competitors.join('\u0000');
  if (cached?.key === key) return cached.matcher;
  const signalOf = new Map<string, Signal>();
  for (const [signal, phrases] of Object.entries(PHRASES) as [Signal, string[]][]) {
    for (const p of phrases) signalOf.set(p, signal);
  }
  const names = new Map<string, string>();
  for (const name of competitors) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    names.set(trimmed.toLowerCase(), trimmed);
    signalOf.set(trimmed.toLowerCase(), 'competitor');
  }
  const alternatives = [...signalOf.keys()].sort((a, b) => b.length - a.length).map(bounded);
  const matcher = { regex: new RegExp(alternatives.join('|'), 'g'), signalOf, names };
  cached = { key, matcher };
  return matcher;
}

/** Adds one text's signals to `into` (each signal at most once per text). */
export function scanSignals(text: string, matcher: SignalMatcher, into: SignalCounts): void {
  countSignals(text.toLowerCase(), matcher, into);
}

/** scanSignals on an already lower-cased text. */
export function countSignals(lower: string, matcher: SignalMatcher, into: SignalCounts): void {
  const { regex, signalOf, names } = matcher;
  regex.lastIndex = 0;
  let seen = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(lower)) !== null) {
    const signal = signalOf.get(m[0])!;
    const bit = BITS[signal];
    if (signal === 'competitor') {
      const name = names.get(m[0])!;
      if (!into.names.includes(name)) into.names.push(name);
    }
    if (seen & bit) continue;
    seen |= bit;
    into[signal]++;
  }
  if (seen & (BITS.competitor | BITS.switching)) into.rival++;
}

const BITS: Record<Signal, number> = { competitor: 1, switching: 2, discount: 4, referral: 8, credit: 16 };
