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
 *  - score = (positive − negative) / (positive + negative) in [−1, 1]; 0 when
 *    the text has no opinion word.
 *
 * Known limits (a lexicon, not a language model): no sarcasm or irony;
 * double negation only as "negator + negative term"; intensity ("very",
 * "非常") and contrast ("good, but …") are not weighted; words outside the
 * lexicon are neutral; other languages score 0.
 */

/** Opinion terms. Chinese terms are at least two characters where one character alone is ambiguous (好像, 快递, 贵公司). */
const POSITIVE_EN = [
  'happy', 'satisfied', 'satisfying', 'great', 'excellent', 'good', 'love', 'loved', 'loves', 'thanks', 'thank you',
  'pleased', 'helpful', 'recommend', 'recommended', 'awesome', 'perfect', 'amazing', 'fantastic', 'delighted',
  'smooth', 'easy', 'reliable', 'glad', 'nice', 'appreciate', 'appreciated', 'impressed', 'wonderful', 'best',
  'quick', 'fast', 'friendly', 'resolved', 'works well', 'enjoy', 'enjoyed', 'renewed', 'upgrade', 'upgraded',
];
const NEGATIVE_EN = [
  'unhappy', 'dissatisfied', 'unsatisfied', 'angry', 'frustrated', 'frustrating', 'disappointed', 'disappointing',
  'terrible', 'awful', 'bad', 'poor', 'worst', 'slow', 'broken', 'problem', 'problems', 'issue', 'issues',
  'complaint', 'complained', 'complain', 'complains', 'cancel', 'cancelled', 'canceled', 'cancellation', 'refund',
  'annoyed', 'annoying', 'upset', 'useless', 'hate', 'hated', 'expensive', 'bug', 'bugs', 'error', 'errors',
  'fail', 'failed', 'failing', 'failure', 'crash', 'crashed', 'crashes', 'delay', 'delayed', 'rude', 'waste',
  'confusing', 'difficult', 'unacceptable', 'outage', 'horrible', 'leaving', 'quit', 'downgrade', 'worse',
];
const POSITIVE_ZH = [
  '满意', '很好', '非常好', '挺好', '真好', '太好', '不错', '喜欢', '感谢', '谢谢', '高兴', '开心', '推荐', '优秀', '方便',
  '及时', '专业', '点赞', '好评', '完美', '放心', '好用', '顺利', '稳定', '划算', '续费', '续约', '升级', '热情', '耐心',
];
const NEGATIVE_ZH = [
  '不满意', '不满', '很差', '太差', '差评', '糟糕', '失望', '生气', '愤怒', '投诉', '抱怨', '问题', '故障', '太慢', '很慢',
  '退款', '取消', '退订', '麻烦', '垃圾', '难用', '太贵', '很贵', '不好', '坑人', '欺骗', '延迟', '错误', '失败', '崩溃',
  '烦人', '不爽', '无法使用', '卡顿', '流失', '离开', '降级', '换掉', '不靠谱',
];

const POLARITY = new Map<string, 1 | -1>();
for (const t of POSITIVE_EN) POLARITY.set(t, 1);
for (const t of NEGATIVE_EN) POLARITY.set(t, -1);
for (const t of POSITIVE_ZH) POLARITY.set(t, 1);
for (const t of NEGATIVE_ZH) POLARITY.set(t, -1);

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (terms: string[]) => [...terms].sort((a, b) => b.length - a.length).map(escape).join('|');

const TERMS = new RegExp(
  `\\b(?:${longestFirst([...POSITIVE_EN, ...NEGATIVE_EN])})\\b|${longestFirst([...POSITIVE_ZH, ...NEGATIVE_ZH])}`,
  'g',
);

const NEGATORS_EN = new Set([
  'not', 'no', 'never', 'hardly', 'barely', 'without', 'nothing', 'none', 'nor', 'neither', 'cannot', 'dont', 'doesnt',
  'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'cant', 'couldnt', 'shouldnt', 'wouldnt', 'havent', 'hasnt',
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

/** A negator among the three words before `at`, within the same clause. Scans backwards without allocating more than the words. */
function negatedEn(lower: string, at: number): boolean {
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
    if (NEGATORS_EN.has(word) || NEGATED_CONTRACTION.test(word) || (word.includes("'") || word.includes('’') ? NEGATORS_EN.has(word.replace(APOSTROPHES, '')) : false)) return true;
  }
  return false;
}

function negatedZh(lower: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const c = lower[i]!;
    if (ZH_PUNCTUATION.test(c)) return false;
    if (ZH_NEGATOR.test(c)) return true;
  }
  return false;
}

/** Opinion-word counts of one text after negation. */
export function scanSentiment(text: string): SentimentScore {
  const counts = { positive: 0, negative: 0 };
  countSentiment(text.toLowerCase(), counts);
  const total = counts.positive + counts.negative;
  return { ...counts, score: total === 0 ? 0 : (counts.positive - counts.negative) / total };
}

/** Adds the opinion words of an already lower-cased text to `into` (the hot path: no result object per text). */
export function countSentiment(lower: string, into: { positive: number; negative: number }): void {
  TERMS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMS.exec(lower)) !== null) {
    const term = m[0];
    let polarity = POLARITY.get(term)!;
    const negated = HAN.test(term[0]!) ? negatedZh(lower, m.index) : negatedEn(lower, m.index);
    if (negated) polarity = polarity === 1 ? -1 : 1;
    if (polarity === 1) into.positive++;
    else into.negative++;
  }
}
