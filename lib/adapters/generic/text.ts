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
 *   inside (Odoo, Dynamics forms) gives the control's value.
 * - readableText: a detail value's or an activity's text as a reader sees
 *   it: blocks apart, assistive (sr-only, slds-assistive-text…) and
 *   aria-hidden text left out, controls read. It walks the subtree: for the
 *   few elements of a detail page, not for list cells.
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
  const text = collapse(el.textContent ?? '');
  if (text !== '' || el.firstElementChild === null) return text;
  const inner = el.querySelector(GENERIC_SELECTORS.control);
  return inner ? (controlValue(inner) ?? '') : '';
}

const ASSISTIVE_CLASS = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|assistive-text|slds-assistive-text|assistiveText|a11y-hidden|cdk-visually-hidden|ms-hidden-text)(?:\s|$)/;
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'option', 'svg', 'noscript']);

/** Not read by a sighted user: scripts, assistive-only text, aria-hidden or hidden parts, our hosts. */
export function unseen(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName) || isOurHost(el)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  return cls !== null && ASSISTIVE_CLASS.test(cls);
}

/** Elements whose boundaries a reader sees as a break: their text is not glued to the next one's. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

function collect(node: Node, out: string[], controls: boolean): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) out.push(child.nodeValue ?? '');
    else if (child.nodeType === 1 && !unseen(child as Element)) {
      const el = child as Element;
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

/**
 * Text as a reader sees it, for values and items where a few elements are
 * read (detail pages, activities), not thousands of cells: blocks are
 * separated ("1200 Market St San Francisco"), assistive and hidden text is
 * left out ("Edit Phone" buttons), controls give their values.
 */
export function readableText(el: Element): string {
  const control = controlValue(el);
  if (control !== null) return control;
  const parts: string[] = [];
  collect(el, parts, true);
  return collapse(parts.join(''));
}

const LABEL_TAIL = /[\s:：*＊]+$/u;
const LABEL_HEAD = /^[\s*＊]+/u;

export function labelText(el: Element): string {
  const parts: string[] = [];
  collect(el, parts, false);
  return collapse(parts.join('')).replace(LABEL_TAIL, '').replace(LABEL_HEAD, '');
}

/** Element children, without our own badge hosts (they sit beside anchors, possibly inside a CRM row). */
export function childCells(el: Element): Element[] {
  const cells: Element[] = [];
  for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) if (!isOurHost(child)) cells.push(child);
  return cells;
}
