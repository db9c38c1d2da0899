import type { RawFields } from '../../domain';
import type { ExtractedCustomer } from '../types';
import { emailOf, recordIdFromUrl } from './identity';
import { isCustomerLabel, isEmailLabel, isIdLabel, nameRankOf } from './labels';
import { byIdNear, queryAll, type Root } from './roots';
import { ownCells, tableGrid, tableRows } from './structure';
import { childCells, collapse, controlValue, isOurHost, labelText, readableText } from './text';
import { GENERIC_SELECTORS } from './selectors';

/**
 * A customer's detail page → one customer.
 *
 * Label → value pairs, from (first source wins for a label, and a value
 * element is read once):
 *   1. `<dl>`: each `<dt>` with its `<dd>`s (also inside `<div>` groups);
 *   2. table rows of `<th>`/label cell + `<td>` pairs (2 or 4 cells: label,
 *      value, label, value), a label cell being a `<th>`, a cell ending in
 *      ":" or one whose class says "label" (SuiteCRM, classic Salesforce);
 *   3. `<label for>` → the element with that id in the label's own root
 *      (input/select/textarea values; Odoo), and a `<label>` wrapping its
 *      control; `aria-label` on a control. Radio buttons' labels name a
 *      choice and are skipped. An empty input inside a widget that shows
 *      its value as text (tag chips, Select2) gives the widget's text;
 *   4. `aria-labelledby` → the labelling elements' text (not on regions,
 *      dialogs, lists or other containers);
 *   5. card grids: an element whose class says label (or "title" when its
 *      text is a known label: Salesforce's highlights panel) and the element
 *      after it — or after its wrapper (Lightning, Zoho, HubSpot cards);
 *   6. "Label: value" text: an element with only inline children whose text
 *      is "Label: value" / "标签：值" (an ASCII colon must be followed by a
 *      space, so times and URLs are not split), label ≤ 40 characters.
 * Parts of the page that are not the record are skipped: the lists found by
 * find-lists.ts (related lists), activity sections, navigation, footers,
 * dialogs, hidden parts, the site header outside the main content.
 *
 * It is a customer when it has a name, a crmId and at least MIN_KNOWN_LABELS
 * known customer labels (labels.ts); a settings form or a dashboard has not.
 * - Name: the name-labelled pair ("Account Name", "客户名称"; best rank), else
 *   the page title (the first `<h1>` of the main content, then role=heading
 *   level 1). Anchor: the innermost element of the title that says the name
 *   (the title's input on Odoo), else the title when it contains the name,
 *   else the name pair's value element.
 * - crmId: the page URL (identity.ts), else an id-labelled pair, else the
 *   e-mail pair; the same rules as list links, so a customer seen on a list
 *   and on its detail page is one record.
 * - Fields: every pair but the name, keyed by the label as shown.
 */

export const MIN_KNOWN_LABELS = 3;
const MAX_LABEL_LENGTH = 40;
const MAX_VALUE_LENGTH = 300;
const MAX_LINE_LENGTH = 160;
const { outsideRecord: OUTSIDE_RECORD, mainContent: MAIN_CONTENT, cardLabel: LABEL_CLASS_SELECTOR, control: CONTROL, headingLike: HEADING_LIKE } = GENERIC_SELECTORS;
const CONTAINER_TAGS = new Set(['section', 'article', 'nav', 'form', 'table', 'ul', 'ol', 'main', 'aside', 'header', 'footer', 'body', 'html', 'fieldset', 'dl']);
const CONTAINER_ROLES = new Set(['dialog', 'alertdialog', 'region', 'tabpanel', 'grid', 'treegrid', 'table', 'group', 'navigation', 'menu', 'list', 'listbox', 'tablist', 'form', 'feed', 'main', 'radiogroup']);
const INLINE_TAGS = new Set(['b', 'strong', 'em', 'i', 'span', 'a', 'label', 'time', 'small', 'abbr', 'code', 'font', 'u', 'mark', 'bdi', 'data', 'br']);
const LINE_TAGS = new Set(['p', 'li', 'div', 'span', 'td', 'dd', 'small']);
const LINE = /^([^:：]{1,40}?)\s*(?::\s+|：\s*)(\S[\s\S]*)$/u;
const HAS_LETTER = /\p{L}/u;

export interface Pair {
  label: string;
  value: string;
  labelEl: Element;
  valueEl: Element;
}

export interface DetailContext {
  page: Document;
  url: URL;
  /** Subtrees that are not the record: related lists, activity sections. */
  skip: readonly Element[];
}

function outsideRecord(el: Element, skip: readonly Element[]): boolean {
  if (isOurHost(el) || el.closest(OUTSIDE_RECORD)) return true;
  for (const part of skip) if (part.contains(el)) return true;
  const header = el.closest('header');
  return header !== null && header.closest(MAIN_CONTENT) === null;
}

class Pairs {
  readonly list: Pair[] = [];
  private readonly labels = new Set<string>();
  readonly used = new Set<Element>();

  constructor(private readonly skip: readonly Element[]) {}

  add(label: string, value: string, labelEl: Element, valueEl: Element, keepEmpty: boolean): void {
    if (label === '' || label.length > MAX_LABEL_LENGTH || value.length > MAX_VALUE_LENGTH) return;
    if (!keepEmpty && value === '') return;
    if (this.labels.has(label) || this.used.has(valueEl) || outsideRecord(valueEl, this.skip)) return;
    this.labels.add(label);
    this.used.add(valueEl);
    this.used.add(labelEl);
    this.list.push({ label, value, labelEl, valueEl });
  }
}

function fromDl(roots: readonly Root[], pairs: Pairs): void {
  for (const dl of queryAll(roots, GENERIC_SELECTORS.definitionList)) {
    const items: Element[] = [];
    for (const child of childCells(dl)) {
      if (child.localName === 'div') items.push(...childCells(child));
      else items.push(child);
    }
    let label: Element | null = null;
    let values: Element[] = [];
    const flush = () => {
      if (label && values.length > 0) pairs.add(labelText(label), values.map(readableText).join(', '), label, values[0]!, true);
      values = [];
    };
    for (const item of items) {
      if (item.localName === 'dt') {
        flush();
        label = item;
      } else if (item.localName === 'dd') values.push(item);
    }
    flush();
  }
}

const LABEL_CELL_CLASS = /(?:^|[\s_-])label(?:$|[\s_-])/i;

function isLabelCell(cell: Element): boolean {
  if (cell.localName === 'th') return true;
  if (LABEL_CELL_CLASS.test(cell.getAttribute('class') ?? '')) return true;
  return /[:：]\s*$/.test(cell.textContent ?? '');
}

/** A table whose header row names its columns holds records in rows, not one record's label → value pairs. */
const hasColumnHeader = (table: HTMLTableElement) => (tableGrid(table)?.headers.filter((label) => label !== '').length ?? 0) >= 2;

function fromTableRows(roots: readonly Root[], pairs: Pairs): void {
  for (const table of queryAll(roots, 'table') as HTMLTableElement[]) {
    if (!hasColumnHeader(table)) for (const row of tableRows(table)) pairRow(row, pairs);
  }
}

function pairRow(row: Element, pairs: Pairs): void {
  const cells = ownCells(row);
  if (cells.length < 2 || cells.length % 2 !== 0 || cells.length > 6) return;
  for (let i = 0; i < cells.length; i += 2) {
    const labelCell = cells[i]!;
    const valueCell = cells[i + 1]!;
    if (!isLabelCell(labelCell) || valueCell.localName === 'th') break;
    pairs.add(labelText(labelCell), readableText(valueCell), labelCell, valueCell, true);
  }
}

const WIDGET_LEVELS = 5;

/**
 * A labelled control's value. An empty text input inside a widget that shows
 * its value beside it (tag chips, a many2one badge: Odoo, Select2) gives the
 * widget's text instead.
 */
function controlText(target: Element, label: Element): string {
  const value = readableText(target);
  if (value !== '' || target.localName !== 'input') return value;
  let widget = target.parentElement;
  for (let level = 0; widget !== null && level < WIDGET_LEVELS && !widget.contains(label) && widget.querySelectorAll(CONTROL).length === 1; level++, widget = widget.parentElement) {
    const shown = readableText(widget);
    if (shown !== '') return shown;
  }
  return value;
}

function fromLabels(roots: readonly Root[], pairs: Pairs): void {
  for (const label of queryAll(roots, GENERIC_SELECTORS.label)) {
    const target = label.hasAttribute('for') ? byIdNear(label, label.getAttribute('for')!) : label.querySelector(CONTROL);
    // A radio button's label names one choice, not a field.
    if (!target || (target.localName === 'input' && ((target as HTMLInputElement).type === 'hidden' || (target as HTMLInputElement).type === 'radio'))) continue;
    pairs.add(labelText(label), controlText(target, label), label, target, true);
  }
  for (const control of queryAll(roots, GENERIC_SELECTORS.labelledControl)) {
    if ((control as HTMLInputElement).type === 'hidden') continue;
    pairs.add(collapse(control.getAttribute('aria-label')!), controlValue(control) ?? '', control, control, true);
  }
}

function fromLabelledBy(roots: readonly Root[], pairs: Pairs): void {
  for (const el of queryAll(roots, GENERIC_SELECTORS.labelledBy)) {
    if (CONTAINER_TAGS.has(el.localName) || CONTAINER_ROLES.has(el.getAttribute('role') ?? '')) continue;
    const labelEls = el.getAttribute('aria-labelledby')!.split(/\s+/).map((id) => (id ? byIdNear(el, id) : null)).filter((found): found is Element => found !== null && found !== el);
    if (labelEls.length === 0) continue;
    pairs.add(collapse(labelEls.map(labelText).join(' ')), readableText(el), labelEls[0]!, el, true);
  }
}

const isLabelish = (el: Element) => /label/i.test(el.getAttribute('class') ?? '') || el.localName === 'label';

function valueAfter(label: Element): Element | null {
  let node: Element | null = label;
  for (let level = 0; node !== null && level < 2; level++, node = node.parentElement) {
    let next = node.nextElementSibling;
    while (next !== null && isOurHost(next)) next = next.nextElementSibling;
    if (next) return isLabelish(next) ? null : next;
    if (node.parentElement && childCells(node.parentElement).length !== 1) return null;
  }
  return null;
}

/** Headings and section toggles (and what is inside them: Lightning's "Account" above the name) title what follows; they do not label a value. */

function fromCards(roots: readonly Root[], pairs: Pairs): void {
  for (const el of queryAll(roots, LABEL_CLASS_SELECTOR)) {
    if (pairs.used.has(el) || el.querySelector(CONTROL) || el.closest(HEADING_LIKE) || el.querySelector(HEADING_LIKE)) continue;
    const label = labelText(el);
    if (label === '' || label.length > MAX_LABEL_LENGTH) continue;
    if (!isLabelish(el) && !isCustomerLabel(label)) continue; // a "title" class: only a known label
    const value = valueAfter(el);
    // A value holding labels of its own is a section of fields, not one value.
    if (!value || pairs.used.has(value) || value.contains(el) || value.querySelector(LABEL_CLASS_SELECTOR)) continue;
    pairs.add(label, readableText(value), el, value, false);
  }
}

function onlyInlineChildren(el: Element): boolean {
  if (el.childElementCount > 4) return false;
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) if (!INLINE_TAGS.has(child.localName)) return false;
  return true;
}

function fromTextLines(roots: readonly Root[], pairs: Pairs, skip: readonly Element[]): void {
  const visit = (parent: ParentNode) => {
    for (let el = parent.firstElementChild; el !== null; el = el.nextElementSibling) {
      if (isOurHost(el) || pairs.used.has(el) || el.matches(OUTSIDE_RECORD) || skip.includes(el) || el.localName === 'script' || el.localName === 'style') continue;
      if (LINE_TAGS.has(el.localName) && onlyInlineChildren(el)) {
        const text = readableText(el);
        const line = text.length <= MAX_LINE_LENGTH ? LINE.exec(text) : null;
        if (line && HAS_LETTER.test(line[1]!) && !/^\s*https?$/i.test(line[1]!)) {
          pairs.add(line[1]!.trim(), line[2]!.trim(), el, el, false);
          continue;
        }
      }
      visit(el);
    }
  };
  for (const root of roots) visit(root);
}

export function findPairs(roots: readonly Root[], skip: readonly Element[]): Pair[] {
  const pairs = new Pairs(skip);
  fromDl(roots, pairs);
  fromTableRows(roots, pairs);
  fromLabels(roots, pairs);
  fromLabelledBy(roots, pairs);
  fromCards(roots, pairs);
  fromTextLines(roots, pairs, skip);
  return pairs.list;
}

function pageTitle(roots: readonly Root[], skip: readonly Element[]): Element | null {
  const usable = (el: Element) => !outsideRecord(el, skip);
  const headings = queryAll(roots, GENERIC_SELECTORS.title).filter(usable);
  return headings.find((h) => h.closest(MAIN_CONTENT)) ?? headings[0] ?? queryAll(roots, '[role="heading"][aria-level="1"]').find(usable) ?? null;
}

/** The innermost element at or under `root` whose text is `text`. */
function sayingIn(root: Element, text: string): Element | null {
  for (const child of childCells(root)) {
    const inner = sayingIn(child, text);
    if (inner) return inner;
  }
  return readableText(root) === text ? root : null;
}

function namePairOf(pairs: readonly Pair[]): Pair | undefined {
  let best: Pair | undefined;
  let bestRank = Infinity;
  for (const pair of pairs) {
    const rank = nameRankOf(pair.label);
    if (rank !== undefined && rank < bestRank && pair.value !== '') [best, bestRank] = [pair, rank];
  }
  return best;
}

export function readDetail(roots: readonly Root[], ctx: DetailContext): ExtractedCustomer | null {
  const pairs = findPairs(roots, ctx.skip);
  if (pairs.filter((pair) => isCustomerLabel(pair.label)).length < MIN_KNOWN_LABELS) return null;
  const title = pageTitle(roots, ctx.skip);
  const titleText = title ? readableText(title) : '';
  const namePair = namePairOf(pairs);
  const name = namePair?.value ?? titleText;
  if (!name) return null;
  const anchor = (title && sayingIn(title, name)) ?? (title && titleText.includes(name) ? title : null) ?? namePair?.valueEl ?? title;
  if (!anchor) return null;

  const idPair = pairs.find((pair) => isIdLabel(pair.label) && pair.value !== '');
  const emailPair = pairs.find((pair) => isEmailLabel(pair.label));
  const crmId = recordIdFromUrl(ctx.url.href, ctx.url) ?? idPair?.value ?? (emailPair ? emailOf(emailPair.value) : null);
  if (!crmId) return null;

  const fields: RawFields = {};
  for (const pair of pairs) if (pair !== namePair) fields[pair.label] = pair.value;
  return { snapshot: { crmId, name, fields }, anchor };
}
