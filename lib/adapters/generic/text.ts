import { GENERIC_SELECTORS } from './selectors';

/**
 * What an element says, read the cheap way.
 *
 * - textOf: a cell's or value's text. A single text node, or one wrapped in
 *   a few single-child elements, is read directly (half the cost of
 *   textContent on thousands of cells, inside the CRM's render task);
 *   whitespace is collapsed; form controls give their value
 *   (input → value, checkbox/radio → "true"/"false", select → the chosen
 *   options' text, textarea → value); an element with no text but a control
 *   inside (Odoo, Dynamics forms) gives the control's value. Cells with more
 *   than one text are read as a reader sees them (below), so hidden text,
 *   avatars and badge counts are not glued to the value.
 * - nameText: textOf without an avatar's initials in front of the name.
 * - readableText: a detail value's or an activity's text as a reader sees
 *   it: blocks apart, assistive (sr-only, slds-assistive-text…) and
 *   aria-hidden text left out, avatars and badge counts left out, chips
 *   beside each other listed ("Returns, Reviewer"), controls read.
 * - labelText: the same for a header or label, without controls' values;
 *   a trailing ":" and the required "*" are dropped.
 *
 * Tag checks use localName, never instanceof: elements inside iframes belong
 * to another window, whose HTMLInputElement is another class.
 */

/** Our own badge and popover hosts (lib/content): never read as the CRM's content. */
export const OUR_HOST_ATTRS = ['data-churn-radar-badge', 'data-churn-radar-popover'] as const;

export const isOurHost = (el: Element): boolean => el.hasAttribute(OUR_HOST_ATTRS[0]) || el.hasAttribute(OUR_HOST_ATTRS[1]);

const SPACES = /\s+/g;
/** Anything collapsing would change: runs of spaces, tabs, new lines, no-break spaces. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

export function collapse(raw: string): string {
  const trimmed = raw.trim();
  return NEEDS_COLLAPSE.test(trimmed) ? trimmed.replace(SPACES, ' ') : trimmed;
}

/** The value a form control shows, or null when `el` is not one. */
export function controlValue(el: Element): string | null {
  switch (el.localName) {
    case 'input': {
      const input = el as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') return input.checked ? 'true' : 'false';
      return collapse(input.value);
    }
    case 'textarea':
      return collapse((el as HTMLTextAreaElement).value);
    case 'select': {
      const parts: string[] = [];
      for (const option of (el as HTMLSelectElement).options) if (option.selected) parts.push(collapse(option.textContent ?? ''));
      return parts.join(', ');
    }
    default:
      return null;
  }
}

const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);
const MAX_WRAPPERS = 4;

export function textOf(el: Element): string {
  // The common cell: one text node, possibly wrapped in a few single-child elements (AG-Grid's span).
  let node: Node = el;
  for (let depth = 0; depth <= MAX_WRAPPERS; depth++) {
    const only: Node | null = node.firstChild;
    if (only === null || only !== node.lastChild) break;
    if (only.nodeType === 3) return collapse(only.nodeValue ?? '');
    if (only.nodeType !== 1 || CONTROL_TAGS.has((only as Element).localName)) break;
    node = only;
  }
  const control = controlValue(el);
  if (control !== null) return control;
  const text = seenText(el, false);
  if (text !== '' || el.firstElementChild === null) return text;
  const inner = el.querySelector(GENERIC_SELECTORS.control);
  return inner ? (controlValue(inner) ?? '') : '';
}

/**
 * A customer's name as shown in a list cell or a title: textOf without the
 * avatar's initials beside it ("M" + "Morris Satterfield" → "Morris
 * Satterfield"), also when the avatar carries no class that says so.
 */
export function nameText(el: Element): string {
  const text = textOf(el);
  const initials = LEADING_INITIALS.exec(text);
  if (!initials) return text;
  const rest = text.slice(initials[0].length);
  const restInitials = rest
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  return restInitials.startsWith(initials[1]!) ? rest : text;
}

/** One to three capitals before a space, as an avatar's initials print ("M Morris…", "MS Morris…"). */
const LEADING_INITIALS = /^(\p{Lu}{1,3}) (?=\p{L})/u;

const ASSISTIVE_CLASS =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|assistive-text|slds-assistive-text|assistiveText|a11y-hidden|cdk-visually-hidden|ms-hidden-text)(?:\s|$)/;
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'option', 'svg', 'noscript']);

/** Not read by a sighted user: scripts, assistive-only text, aria-hidden or hidden parts, our hosts. */
export function unseen(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName) || isOurHost(el)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  return cls !== null && ASSISTIVE_CLASS.test(cls);
}

/**
 * Decoration printed beside a value, not part of it: an avatar (its initials
 * or image: MUI, Ant Design, shadcn's data-slot) and a badge's count
 * ("Acme" + "3" unread → "Acme"). Text hygiene for names and values.
 */
const AVATAR = /avatar/i;
const BADGE = /badge|count/i;
const COUNT = /^\s*\d{1,4}\+?\s*$/;
export function decoration(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  const slot = el.getAttribute('data-slot') ?? '';
  if (AVATAR.test(cls) || AVATAR.test(slot)) return true;
  return (BADGE.test(cls) || BADGE.test(slot)) && COUNT.test(el.textContent ?? '');
}

/** Chips, tags and pills: several beside each other are a list ("Returns, Reviewer"), not one glued word. */
const CHIP = /chip|tag|pill|badge/i;
export const isChip = (el: Element): boolean => CHIP.test(el.getAttribute('class') ?? '') || CHIP.test(el.getAttribute('data-slot') ?? '');
const CHIP_JOIN = '\u241f';
const CHIP_JOINS = /\s*\u241f\s*/g;

/** Elements whose boundaries a reader sees as a break: their text is not glued to the next one's. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function collect(node: Node, out: string[], controls: boolean): void {
  let chipBefore: string | null = null;
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) {
      out.push(child.nodeValue ?? '');
      if ((child.nodeValue ?? '').trim() !== '') chipBefore = null;
    } else if (child.nodeType === 1 && !unseen(child as Element) && !decoration(child as Element)) {
      const el = child as Element;
      const chip = isChip(el) && (el.textContent ?? '').trim() !== '' ? el.localName : null;
      if (chip !== null && chip === chipBefore) out.push(CHIP_JOIN);
      chipBefore = chip;
      const block = BLOCK_TAGS.has(el.localName);
      if (block) out.push(' ');
      const control = controlValue(el);
      if (control !== null) {
        if (controls) out.push(' ', control, ' ');
      } else collect(el, out, controls);
      if (block) out.push(' ');
    }
  }
}

/** What `el` shows a sighted reader, hygienic (see collect): blocks apart, chips listed, decoration out. */
function seenText(el: Element, controls: boolean): string {
  const parts: string[] = [];
  collect(el, parts, controls);
  const text = collapse(parts.join(''));
  return text.includes(CHIP_JOIN) ? text.replace(CHIP_JOINS, ', ') : text;
}

/**
 * Text as a reader sees it, for values and items where a few elements are
 * read (detail pages, activities), not thousands of cells: blocks are
 * separated ("1200 Market St San Francisco"), assistive and hidden text is
 * left out ("Edit Phone" buttons), controls give their values.
 */
export function readableText(el: Element): string {
  const control = controlValue(el);
  if (control !== null) return control;
  return seenText(el, true);
}

const LABEL_TAIL = /[\s:：*＊]+$/u;
const LABEL_HEAD = /^[\s*＊]+/u;

export function labelText(el: Element): string {
  return seenText(el, false).replace(LABEL_TAIL, '').replace(LABEL_HEAD, '');
}

/** Element children, without our own badge hosts (they sit beside anchors, possibly inside a CRM row). */
export function childCells(el: Element): Element[] {
  const cells: Element[] = [];
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) if (!isOurHost(child)) cells.push(child);
  return cells;
}

/** Whether `el` holds text of its own (not only in its children). */
export function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node !== null; node = node.nextSibling) if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') return true;
  return false;
}
