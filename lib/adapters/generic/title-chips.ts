import { productFieldOf } from '@/lib/fields/product-fields';
import { decoration, isChip, readableText, unseen } from './text';

/**
 * Chips beside a detail page's title that no label names (shadcn/Atomic CRM:
 * a "Churn risk" badge under the contact's name).
 *
 * Decision (issue 14): such a chip is named by the product field it shows, not
 * by a list's column. One chip is the record's status → "Status" (the product
 * field `status`, so the churn definition's status rule and the mapping find it
 * with no naming step; a headerless list's "column N" is a per-page position a
 * detail page cannot know). Several chips side by side are tags → "Tags", read
 * as a list ("VIP, Reseller"). A page that already has a labelled status (or
 * tags) keeps it: the chip is then not read a second time.
 *
 * Only the title's own block counts: the nearest of the title's ancestors
 * (≤ TITLE_LEVELS up) holding a chip and no labelled value. A chip in the
 * record's body without a label (a tag in a note) is not guessed at.
 */

const TITLE_LEVELS = 3;
const MAX_CHIP_LENGTH = 40;
const HAS_LETTER = /\p{L}/u;

export interface TitleChips {
  label: 'Status' | 'Tags';
  value: string;
  el: Element;
}

function chipsIn(block: Element, title: Element): Element[] {
  const chips: Element[] = [];
  for (const el of block.querySelectorAll('*')) {
    if (!isChip(el) || title.contains(el) || unseen(el) || decoration(el)) continue;
    // The outermost chip only (Element Plus: el-tag > el-tag__content).
    if (chips.some((chip) => chip.contains(el))) continue;
    const text = readableText(el);
    if (text !== '' && text.length <= MAX_CHIP_LENGTH && HAS_LETTER.test(text)) chips.push(el);
  }
  return chips;
}

/**
 * The unlabelled chips of `title`'s block, or null. `taken`: elements already
 * read as a label or value; `labels`: the labels already read.
 */
export function titleChips(title: Element, taken: ReadonlySet<Element>, labels: readonly string[], outside: (el: Element) => boolean): TitleChips | null {
  let block = title.parentElement;
  for (let level = 0; block !== null && level < TITLE_LEVELS; level++, block = block.parentElement) {
    if ([...taken].some((el) => block!.contains(el))) return null;
    const chips = chipsIn(block, title).filter((chip) => !outside(chip));
    if (chips.length === 0) continue;
    const label = chips.length === 1 ? 'Status' : 'Tags';
    const product = productFieldOf(label);
    if (labels.some((known) => known.toLowerCase() === label.toLowerCase() || (product !== undefined && productFieldOf(known) === product))) return null;
    return { label, value: chips.map(readableText).join(', '), el: chips[0]! };
  }
  return null;
}
