/**
 * Sentiment of notes and ticket texts with a small bilingual lexicon, on the
 * device (no model download, no network).
 *
 * How it reads a text:
 *  - Lower-cases it and finds every lexicon term in one regular-expression
 *    pass, longest terms first, so "不满意" is one negative term rather than
 *    "满意" and "not satisfied" style phrases are handled by negation below.
 *    English terms match whole words only ("bad" is not found in "badge").
 *  - Negation flips a term's polarity:
 *      English: one of not, no, never, don't, isn't, … ("n't"), hardly,
 *      without, nothing, among the three words before the term, within the
 *      same clause (a . , ; ! ? or "but" ends the look-back):
 *      "not happy" → negative, "never had a problem" → positive.
 *      Chinese: 不 没 未 别 无 within the three characters before the term,
 *      without punctuation between: "不太满意" → negative, "没有问题" → positive.
 *  - A trouble word (problem, issue, bug, error, 问题, 故障, …) and a
 *    resolution word (resolved, solved, fixed, 解决, 已解决, 修复, …) in the
 *    same clause, at most six words (or Chinese characters) apart, in either
 *    order, are one phrase: a solved problem is positive ("problem solved",
 *    "issue resolved", "fixed the bug", "问题已解决", "解决了问题"); a
 *    negated or pending resolution keeps it negative ("problem not
 *    resolved", "issue still to be fixed", "问题未解决", "问题待解决",
 *    "无法解决问题"). Pending: to, will, need(s), must, should, being; 待,
 *    要, 正 (正在) among the three words / characters before. One phrase per
 *    trouble word ("bug and crash fixed" = two solved troubles). Alone,
 *    resolved / solved / 已解决 / 解决了 are positive; fixed / 解决 / 修复 are
 *    neutral ("fixed price"), and negative when negated or pending ("still
 *    not fixed", "无法解决", "待解决"). A negated trouble stays what
 *    negation makes it: "no problem", "没问题", "不再有问题" are positive.
 *  - score = (positive − negative) / (positive + negative) in [−1, 1]; 0 when
 *    the text has no opinion word.
 *
 * Known limits (a lexicon, not a language model): no sarcasm or irony;
 * double negation only as "negator + negative term"; intensity ("very",
 * "非常") and contrast ("good, but …") are not weighted; a question ("问题
 * 解决了吗?") reads as a statement; words outside the lexicon are neutral;
 * other languages score 0.
 */

import { escapeRegExp } from '@/lib/parse/escape-regexp';

/** Opinion terms. Chinese terms are at least two characters where one character alone is ambiguous (好像, 快递, 贵公司). */
const POSITIVE_EN = [
  'happy',
  'satisfied',
  'satisfying',
  'great',
  'excellent',
  'good',
  'love',
  'loved',
  'loves',
  'thanks',
  'thank you',
  'pleased',
  'helpful',
  'recommend',
  'recommended',
  'awesome',
  'perfect',
  'amazing',
  'fantastic',
  'delighted',
  'smooth',
  'easy',
  'reliable',
  'glad',
  'nice',
  'appreciate',
  'appreciated',
  'impressed',
  'wonderful',
  'best',
  'quick',
  'fast',
  'friendly',
  'works well',
  'enjoy',
  'enjoyed',
  'renewed',
  'upgrade',
  'upgraded',
];
const NEGATIVE_EN = [
  'unhappy',
  'dissatisfied',
  'unsatisfied',
  'angry',
  'frustrated',
  'frustrating',
  'disappointed',
  'disappointing',
  'terrible',
  'awful',
  'bad',
  'poor',
  'worst',
  'slow',
  'broken',
  'problem',
  'problems',
  'issue',
  'issues',
  'complaint',
  'complaints',
  'complained',
  'complain',
  'complains',
  'cancel',
  'cancelled',
  'canceled',
  'cancellation',
  'refund',
  'annoyed',
  'annoying',
  'upset',
  'useless',
  'hate',
  'hated',
  'expensive',
  'bug',
  'bugs',
  'error',
  'errors',
  'fail',
  'failed',
  'failing',
  'failure',
  'crash',
  'crashed',
  'crashes',
  'delay',
  'delayed',
  'rude',
  'waste',
  'confusing',
  'difficult',
  'unacceptable',
  'outage',
  'horrible',
  'leaving',
  'quit',
  'downgrade',
  'worse',
];
const POSITIVE_ZH = [
  '满意',
  '很好',
  '非常好',
  '挺好',
  '真好',
  '太好',
  '不错',
  '喜欢',
  '感谢',
  '谢谢',
  '高兴',
  '开心',
  '推荐',
  '优秀',
  '方便',
  '及时',
  '专业',
  '点赞',
  '好评',
  '完美',
  '放心',
  '好用',
  '顺利',
  '稳定',
  '划算',
  '续费',
  '续约',
  '升级',
  '热情',
  '耐心',
];
const NEGATIVE_ZH = [
  '不满意',
  '不满',
  '很差',
  '太差',
  '差评',
  '糟糕',
  '失望',
  '生气',
  '愤怒',
  '投诉',
  '抱怨',
  '问题',
  '故障',
  '太慢',
  '很慢',
  '退款',
  '取消',
  '退订',
  '麻烦',
  '垃圾',
  '难用',
  '太贵',
  '很贵',
  '不好',
  '坑人',
  '欺骗',
  '延迟',
  '错误',
  '失败',
  '崩溃',
  '烦人',
  '不爽',
  '无法使用',
  '卡顿',
  '流失',
  '离开',
  '降级',
  '换掉',
  '不靠谱',
];

/** Negative terms that a resolution word turns into a solved problem. */
const TROUBLE = new Set([
  'problem',
  'problems',
  'issue',
  'issues',
  'bug',
  'bugs',
  'error',
  'errors',
  'crash',
  'crashes',
  'outage',
  'complaint',
  'complaints',
  '问题',
  '故障',
  '错误',
  '崩溃',
  '卡顿',
  '投诉',
]);
/** Resolution words and their polarity alone: completed ones are positive, bare verbs neutral ("fixed price", "需要解决"). */
const RESOLUTION_EN: Record<string, 1 | 0> = { resolved: 1, solved: 1, fixed: 0, repaired: 0, 'sorted out': 0 };
const RESOLUTION_ZH: Record<string, 1 | 0> = {
  已解决: 1,
  解决了: 1,
  已修复: 1,
  修复了: 1,
  修好了: 1,
  已排除: 1,
  排除了: 1,
  已搞定: 1,
  搞定了: 1,
  已处理好: 1,
  处理好了: 1,
  解决: 0,
  修复: 0,
  修好: 0,
  排除: 0,
  搞定: 0,
  处理好: 0,
};
const RESOLUTION = new Map<string, 1 | 0>([...Object.entries(RESOLUTION_EN), ...Object.entries(RESOLUTION_ZH)]);

const POLARITY = new Map<string, 1 | -1>();
for (const t of POSITIVE_EN) POLARITY.set(t, 1);
for (const t of NEGATIVE_EN) POLARITY.set(t, -1);
for (const t of POSITIVE_ZH) POLARITY.set(t, 1);
for (const t of NEGATIVE_ZH) POLARITY.set(t, -1);

const longestFirst = (terms: string[]) =>
  [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const TERMS = new RegExp(
  `\\b(?:${longestFirst([...POSITIVE_EN, ...NEGATIVE_EN, ...Object.keys(RESOLUTION_EN)])})\\b|${longestFirst([...POSITIVE_ZH, ...NEGATIVE_ZH, ...Object.keys(RESOLUTION_ZH)])}`,
  'g',
);

const NEGATORS_EN = new Set([
  'not',
  'no',
  'never',
  'hardly',
  'barely',
  'without',
  'nothing',
  'none',
  'nor',
  'neither',
  'cannot',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'wont',
  'cant',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'havent',
  'hasnt',
]);
const NEGATED_CONTRACTION = /n['’]t$/;
const APOSTROPHES = /['’]/g;
const ZH_NEGATOR = /[不没未别无]/;
const ZH_PUNCTUATION = /[，。！？；、,.;!?\s]/;
const HAN = /[\u3400-\u9fff]/;

export interface SentimentScore {
  positive: number;
  negative: number;
  /** (positive − negative) / (positive + negative), 0 without opinion words. */
  score: number;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || c === 39 || c === 0x2019; // a–z and apostrophes
const CLAUSE_END = new Set([46, 44, 59, 33, 63]); // . , ; ! ?

const PENDING_EN = new Set(['to', 'will', 'need', 'needs', 'must', 'should', 'being']);
const ZH_PENDING = /[待要正]/;

const isNegatorEn = (word: string) =>
  NEGATORS_EN.has(word) || NEGATED_CONTRACTION.test(word) || ((word.includes("'") || word.includes('’')) && NEGATORS_EN.has(word.replace(APOSTROPHES, '')));

/** One of the three words before `at`, within the same clause, passes `test`. Scans backwards without allocating more than the words. */
function wordBeforeEn(lower: string, at: number, test: (word: string) => boolean): boolean {
  let i = at - 1;
  for (let words = 0; words < 3; words++) {
    while (i >= 0 && !isLetter(lower.charCodeAt(i))) {
      if (CLAUSE_END.has(lower.charCodeAt(i))) return false;
      i--;
    }
    if (i < 0) return false;
    const end = i + 1;
    while (i >= 0 && isLetter(lower.charCodeAt(i))) i--;
    const word = lower.slice(i + 1, end);
    if (word === 'but') return false;
    if (test(word)) return true;
  }
  return false;
}

/** One of the three characters before `at`, without punctuation between, matches `chars`. */
function charBeforeZh(lower: string, at: number, chars: RegExp): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const c = lower[i]!;
    if (ZH_PUNCTUATION.test(c)) return false;
    if (chars.test(c)) return true;
  }
  return false;
}

const isPendingEn = (word: string) => PENDING_EN.has(word);
const negated = (lower: string, at: number, han: boolean) => (han ? charBeforeZh(lower, at, ZH_NEGATOR) : wordBeforeEn(lower, at, isNegatorEn));
const pending = (lower: string, at: number, han: boolean) => (han ? charBeforeZh(lower, at, ZH_PENDING) : wordBeforeEn(lower, at, isPendingEn));

const ZH_CLAUSE_END = new Set([0xff0c, 0x3002, 0xff01, 0xff1f, 0xff1b, 0x3001]); // ，。！？；、
const BUT_ZH = 0x4f46; // 但
const MAX_PHRASE_GAP = 6;

/** Whether a trouble word and a resolution word between `from` and `to` are one phrase: same clause, at most six words or characters apart, no "but". */
function samePhrase(lower: string, from: number, to: number): boolean {
  let tokens = 0;
  let i = from;
  while (i < to) {
    const c = lower.charCodeAt(i);
    if (CLAUSE_END.has(c) || ZH_CLAUSE_END.has(c) || c === BUT_ZH) return false;
    if (isLetter(c)) {
      const start = i;
      while (i < to && isLetter(lower.charCodeAt(i))) i++;
      if (i - start === 3 && lower.startsWith('but', start)) return false;
      if (++tokens > MAX_PHRASE_GAP) return false;
      continue;
    }
    if (c >= 0x3400 && c <= 0x9fff && ++tokens > MAX_PHRASE_GAP) return false;
    i++;
  }
  return true;
}

function add(into: { positive: number; negative: number }, polarity: number, times = 1): void {
  if (polarity > 0) into.positive += times;
  else if (polarity < 0) into.negative += times;
}

/** Opinion-word counts of one text after negation. */
export function scanSentiment(text: string): SentimentScore {
  const counts = { positive: 0, negative: 0 };
  countSentiment(text.toLowerCase(), counts);
  const total = counts.positive + counts.negative;
  return { ...counts, score: total === 0 ? 0 : (counts.positive - counts.negative) / total };
}

/** Trouble and resolution words waiting for their partner: one reused record (texts are scanned one at a time, never nested). */
const held = { kind: 0 as 0 | 1 | 2, troubles: 0, end: 0, resolves: 0, alone: 0 };
const TROUBLES = 1;
const RESOLVING = 2;

function flush(into: { positive: number; negative: number }): void {
  if (held.kind === TROUBLES) add(into, -1, held.troubles);
  else if (held.kind === RESOLVING) add(into, held.alone);
  held.kind = 0;
  held.troubles = 0;
}

/**
 * Adds the opinion words of an already lower-cased text to `into` (the hot
 * path: no result object per text). Troubles (not negated) or one
 * resolution wait in `held` for their partner.
 */
export function countSentiment(lower: string, into: { positive: number; negative: number }): void {
  TERMS.lastIndex = 0;
  held.kind = 0;
  held.troubles = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMS.exec(lower)) !== null) {
    const term = m[0];
    const at = m.index;
    const han = HAN.test(term[0]!);
    const joins = held.kind !== 0 && samePhrase(lower, held.end, at);
    const resolution = RESOLUTION.get(term);

    if (resolution !== undefined) {
      const open = negated(lower, at, han) || pending(lower, at, han);
      if (held.kind === TROUBLES && joins) {
        add(into, open ? -1 : 1, held.troubles);
        held.kind = 0;
        held.troubles = 0;
        continue;
      }
      flush(into);
      held.kind = RESOLVING;
      held.resolves = open ? -1 : 1;
      held.alone = open ? -1 : resolution;
      held.end = at + term.length;
      continue;
    }

    let polarity = POLARITY.get(term)!;
    const flipped = negated(lower, at, han);
    if (flipped) polarity = polarity === 1 ? -1 : 1;
    if (!flipped && TROUBLE.has(term)) {
      if (held.kind === RESOLVING && joins) {
        add(into, held.resolves);
        held.kind = 0;
        continue;
      }
      if (!(held.kind === TROUBLES && joins)) flush(into);
      held.kind = TROUBLES;
      held.troubles++;
      held.end = at + term.length;
      continue;
    }
    flush(into);
    add(into, polarity);
  }
  flush(into);
}
