import type { RawFields } from '@/lib/domain';
import type { ExtractedCustomer } from '../types';
import { emailOf, recordIdFromUrl } from './identity';
import { iconLabel, isIcon } from './icon-label';
import { isCustomerLabel, isEmailLabel, isEmployerLabel, isFamilyNameLabel, isGivenNameLabel, isIdLabel, nameRankOf } from './labels';
import { byIdNear, queryAll, type Root } from './roots';
import { ownCells, tableGrid, tableRows } from './structure';
import { childCells, collapse, controlValue, hasOwnText, isOurHost, labelText, nameText, readableText } from './text';
import { titleChips } from './title-chips';
import { splitSentence } from './value-patterns';
import { signature } from './structure';
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
 * - crmId: the id a list gave a link to this URL (link-ids.ts), else the
 *   page URL (identity.ts), else an id-labelled pair, else the e-mail pair;
 *   the same rules as list links, so a customer seen on a list and on its
 *   detail page is one record.
 * - Fields: every pair but the name, keyed by the label as shown, and an
 *   unlabelled chip beside the title as "Status" (title-chips.ts).
 */

const MIN_KNOWN_LABELS = 3;
const MAX_LABEL_LENGTH = 40;
const MAX_VALUE_LENGTH = 300;
const MAX_LINE_LENGTH = 160;
const {
  outsideRecord: OUTSIDE_RECORD,
  mainContent: MAIN_CONTENT,
  cardLabel: LABEL_CLASS_SELECTOR,
  control: CONTROL,
  headingLike: HEADING_LIKE,
} = GENERIC_SELECTORS;
const CONTAINER_TAGS = new Set([
  'section',
  'article',
  'nav',
  'form',
  'table',
  'ul',
  'ol',
  'main',
  'aside',
  'header',
  'footer',
  'body',
  'html',
  'fieldset',
  'dl',
]);
const CONTAINER_ROLES = new Set([
  'dialog',
  'alertdialog',
  'region',
  'tabpanel',
  'grid',
  'treegrid',
  'table',
  'group',
  'navigation',
  'menu',
  'list',
  'listbox',
  'tablist',
  'form',
  'feed',
  'main',
  'radiogroup',
]);
const INLINE_TAGS = new Set(['b', 'strong', 'em', 'i', 'span', 'a', 'label', 'time', 'small', 'abbr', 'code', 'font', 'u', 'mark', 'bdi', 'data', 'br']);
const LINE_TAGS = new Set(['p', 'li', 'div', 'span', 'td', 'dd', 'small']);
const LINE = /^([^:：]{1,40}?)\s*(?::\s+|：\s*)(\S[\s\S]*)$/u;
const HAS_LETTER = /\p{L}/u;
/** A placeholder that shows an example ("e.g. Lumber Inc", "例如…", "Type a name…") rather than naming the field. */
const EXAMPLE = /^\s*(?:e\.g\.|eg\b|ex\.|例如|如：)|(?:…|\.\.\.)\s*$/i;

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
  /** The id a list gave a link to this page (link-ids.ts): first, as the list read it. */
  knownId?: string | null;
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
  for (
    let level = 0;
    widget !== null && level < WIDGET_LEVELS && !widget.contains(label) && widget.querySelectorAll(CONTROL).length === 1;
    level++, widget = widget.parentElement
  ) {
    const shown = readableText(widget);
    if (shown !== '') return shown;
  }
  return value;
}

function fromLabels(roots: readonly Root[], pairs: Pairs): void {
  for (const label of queryAll(roots, GENERIC_SELECTORS.label)) {
    const target = label.hasAttribute('for') ? byIdNear(label, label.getAttribute('for')!) : label.querySelector(CONTROL);
    // A radio button's label names one choice, not a field.
    if (!target || (target.localName === 'input' && ((target as HTMLInputElement).type === 'hidden' || (target as HTMLInputElement).type === 'radio')))
      continue;
    pairs.add(labelText(label), controlText(target, label), label, target, true);
  }
  for (const control of queryAll(roots, GENERIC_SELECTORS.labelledControl)) {
    if ((control as HTMLInputElement).type === 'hidden') continue;
    const label = control.getAttribute('aria-label') ?? control.getAttribute('placeholder')!;
    if (EXAMPLE.test(label)) continue;
    // A placeholder names an empty box ("Search…"); it labels a value only when there is one.
    const value = controlValue(control) ?? '';
    pairs.add(collapse(label), value, control, control, control.hasAttribute('aria-label'));
  }
}

function fromLabelledBy(roots: readonly Root[], pairs: Pairs): void {
  for (const el of queryAll(roots, GENERIC_SELECTORS.labelledBy)) {
    if (CONTAINER_TAGS.has(el.localName) || CONTAINER_ROLES.has(el.getAttribute('role') ?? '')) continue;
    const labelEls = el
      .getAttribute('aria-labelledby')!
      .split(/\s+/)
      .map((id) => (id ? byIdNear(el, id) : null))
      .filter((found): found is Element => found !== null && found !== el);
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

/** A text element: one with no element children but inline ones. */
const isTextLeaf = (el: Element) => el.childElementCount === 0 || onlyInlineChildren(el);

/**
 * Label over value, in boxes of one shape repeated side by side (a history
 * panel: "First seen" / "10/21/2026", "Orders" / "17"): an element of two
 * text elements whose siblings of its signature are such pairs too, or whose
 * first text is a known label.
 */
function fromStacked(roots: readonly Root[], pairs: Pairs): void {
  const isPair = (el: Element) => {
    if (el.childElementCount !== 2 || hasOwnText(el)) return false;
    const [label, value] = [el.firstElementChild!, el.lastElementChild!];
    return isTextLeaf(label) && isTextLeaf(value) && !label.matches(HEADING_LIKE) && !value.matches(HEADING_LIKE);
  };
  const seen = new Set<Element>();
  for (const parent of queryAll(roots, 'div, li, section, article')) {
    const boxes = childCells(parent).filter((child) => !seen.has(child) && isPair(child));
    const shapes = new Map<string, number>();
    for (const box of boxes) shapes.set(signature(box), (shapes.get(signature(box)) ?? 0) + 1);
    for (const box of boxes) {
      seen.add(box);
      const labelEl = box.firstElementChild!;
      const label = labelText(labelEl);
      if (label === '' || label.length > MAX_LABEL_LENGTH || !HAS_LETTER.test(label)) continue;
      if ((shapes.get(signature(box)) ?? 0) < 2 && !isCustomerLabel(label)) continue;
      pairs.add(label, readableText(box.lastElementChild!), labelEl, box.lastElementChild!, false);
    }
  }
}

/** Icon + value rows ("✉ ada@acme.com", "☎ +1 555-0101"): the icon's name labels the value after it (icon-label.ts). */
function fromIcons(roots: readonly Root[], pairs: Pairs): void {
  for (const icon of queryAll(roots, 'svg, img, i, [role="img"]')) {
    // Icons of buttons, tabs, headings and links decorate a control, not a value.
    if (pairs.used.has(icon) || icon.parentElement?.closest('svg') || icon.closest(HEADING_LIKE) || icon.closest('a')) continue;
    let node: Element = icon;
    // The icon may sit in a wrapper of its own (span > svg).
    while (node.parentElement && node.parentElement.childElementCount === 1 && isIcon(node.parentElement)) node = node.parentElement;
    let value = node.nextElementSibling;
    while (value && isIcon(value)) value = value.nextElementSibling;
    if (!value || value.childElementCount > 4) continue;
    const label = iconLabel(icon);
    if (label) pairs.add(label, readableText(value), icon, value, false);
  }
}

function fromTextLines(roots: readonly Root[], pairs: Pairs, skip: readonly Element[]): void {
  const readLine = (el: Element, text: string): boolean => {
    const line = text.length <= MAX_LINE_LENGTH ? LINE.exec(text) : null;
    if (line && HAS_LETTER.test(line[1]!) && !/^\s*https?$/i.test(line[1]!)) {
      pairs.add(line[1]!.trim(), line[2]!.trim(), el, el, false);
      return true;
    }
    // "Added on Jun 7, 2026", "Last activity 2 days ago": the words before the date label it.
    const sentence = splitSentence(text);
    if (sentence) pairs.add(sentence.label, sentence.value, el, el, false);
    return sentence !== null;
  };
  const visit = (parent: ParentNode) => {
    for (let el = parent.firstElementChild; el !== null; el = el.nextElementSibling) {
      if (isOurHost(el) || pairs.used.has(el) || el.matches(OUTSIDE_RECORD) || skip.includes(el) || el.localName === 'script' || el.localName === 'style')
        continue;
      if (LINE_TAGS.has(el.localName) && onlyInlineChildren(el)) {
        // Several "Label: value" spans on one line are one pair each ("Sector: Industrials  Size: 50-249").
        const parts = childCells(el);
        const texts = !hasOwnText(el) && parts.length >= 2 ? parts.map(readableText) : [];
        if (texts.length > 0 && texts.every((text) => LINE.test(text))) {
          parts.forEach((part, at) => readLine(part, texts[at]!));
          continue;
        }
        if (readLine(el, readableText(el))) continue;
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
  fromStacked(roots, pairs);
  fromIcons(roots, pairs);
  fromTextLines(roots, pairs, skip);
  return pairs.list;
}

/** Headings that title a section, not the record: labels and activity or generic section words. */
const SECTION_TITLE =
  /^(?:details?|overview|summary|about|info(?:rmation)?|history|identity|profile|contact(?: info(?:rmation)?| details)?|activity|notes?|settings|基本信息|详情|概览|客户详情|联系信息)$/i;

const titleLike = (text: string) =>
  text !== '' && text.length <= MAX_VALUE_LENGTH && HAS_LETTER.test(text) && !SECTION_TITLE.test(text) && !isCustomerLabel(text);

/**
 * The page's title: the first usable `<h1>` (in the main content first),
 * role=heading level 1; else the app bar's or page header's title (even in
 * the site header: react-admin's h6); else the first lower heading of the
 * record that is not a section's ("History", a label); else the last
 * breadcrumb. The site's logo is not it: an `<h1>` in the site header
 * outside the main content is skipped.
 */
function pageTitle(roots: readonly Root[], skip: readonly Element[]): Element | null {
  const usable = (el: Element) => !outsideRecord(el, skip) && titleLike(readableText(el));
  const headings = queryAll(roots, GENERIC_SELECTORS.title).filter(usable);
  const first = headings.find((h) => h.closest(MAIN_CONTENT)) ?? headings[0] ?? queryAll(roots, '[role="heading"][aria-level="1"]').find(usable);
  if (first) return first;
  const appTitle = queryAll(roots, GENERIC_SELECTORS.appTitle).find((el) => !skip.some((part) => part.contains(el)) && titleLike(readableText(el)));
  return (
    appTitle ??
    queryAll(roots, GENERIC_SELECTORS.subtitle).find(usable) ??
    queryAll(roots, GENERIC_SELECTORS.breadcrumb).find((el) => titleLike(readableText(el))) ??
    null
  );
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

/** "First name" + "Last name" pairs, as one name ("Fiona" + "Lindqvist" → "Fiona Lindqvist"). */
function personName(pairs: readonly Pair[]): string {
  const given = pairs.find((pair) => isGivenNameLabel(pair.label))?.value ?? '';
  const family = pairs.find((pair) => isFamilyNameLabel(pair.label))?.value ?? '';
  return given !== '' && family !== '' ? `${given} ${family}` : '';
}

/**
 * The customer's name: a pair that names the record ("Account Name",
 * "客户名称"); the page title, when a "Company" pair there names a person's
 * employer instead (its value is not the title); First + Last name; the
 * title; a bare "Name" or "Contact" pair; else the document's title.
 */
function nameOf(pairs: readonly Pair[], namePair: Pair | undefined, titleText: string, doc: Document): string {
  const rank = namePair ? nameRankOf(namePair.label)! : Infinity;
  if (namePair && rank === 0 && (titleText === '' || !isEmployerLabel(namePair.label) || titleText.includes(namePair.value))) return namePair.value;
  const person = personName(pairs);
  if (titleText !== '' && (person === '' || titleText.includes(person))) return titleText.length > person.length && person !== '' ? person : titleText;
  if (person !== '') return person;
  if (namePair && rank > 0) return namePair.value;
  return titleText || documentTitle(doc, pairs);
}

/** The document's title, without the site's name ("Fiona Lindqvist · Acme CRM" → "Fiona Lindqvist"), when a pair says it. */
function documentTitle(doc: Document, pairs: readonly Pair[]): string {
  const first = collapse(doc.title).split(/\s+[|·•–—-]\s+/)[0] ?? '';
  return titleLike(first) && pairs.some((pair) => pair.value === first) ? first : '';
}

export function readDetail(roots: readonly Root[], ctx: DetailContext): ExtractedCustomer | null {
  const pairs = findPairs(roots, ctx.skip);
  if (pairs.filter((pair) => isCustomerLabel(pair.label)).length < MIN_KNOWN_LABELS) return null;
  const title = pageTitle(roots, ctx.skip);
  const titleText = title ? nameText(title) : '';
  const namePair = namePairOf(pairs);
  const name = nameOf(pairs, namePair, titleText, ctx.page);
  if (!name) return null;
  const anchor =
    (title && sayingIn(title, name)) ??
    (title && titleText.includes(name) ? title : null) ??
    pairs.find((pair) => pair.value === name)?.valueEl ??
    namePair?.valueEl ??
    title;
  if (!anchor) return null;

  const idPair = pairs.find((pair) => isIdLabel(pair.label) && pair.value !== '');
  const emailPair = pairs.find((pair) => isEmailLabel(pair.label));
  const crmId = ctx.knownId ?? recordIdFromUrl(ctx.url.href, ctx.url) ?? idPair?.value ?? (emailPair ? emailOf(emailPair.value) : null);
  if (!crmId) return null;

  const fields: RawFields = {};
  for (const pair of pairs) if (pair !== namePair || pair.value !== name) fields[pair.label] = pair.value;
  const taken = new Set(pairs.flatMap((pair) => [pair.labelEl, pair.valueEl]));
  const chips = title ? titleChips(title, taken, Object.keys(fields), (el) => outsideRecord(el, ctx.skip)) : null;
  if (chips) fields[chips.label] = chips.value;
  return { snapshot: { crmId, name, fields }, anchor };
}
