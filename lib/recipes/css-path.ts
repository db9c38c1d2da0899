/**
 * CSS selectors for elements the user clicked, written to survive a re-render
 * of the same page (new rows, other data) but not to guess across redesigns:
 * tag names, the element's stable classes and role, an id only when it reads
 * as a name, and a position among same-shaped siblings only where needed to
 * tell them apart. Classes that are states (active, selected, odd) or
 * generated per build (css-1x2y3z, sc-AbCd, Foo__bar___3kD9a) are left out.
 */

const STATE_CLASS =
  /^(?:is-|has-)?(?:active|selected|hover(?:ed)?|focus(?:ed)?|open(?:ed)?|checked|expanded|collapsed|odd|even|first|last|disabled|visible|hidden|current)$/i;
const GENERATED_CLASS = /^(?:css|sc|jss|emotion|svelte|styled)-|[0-9a-f]{5,}|_{2,}[\w]{4,}$|\d{3,}/i;
const NAME_ID = /^[A-Za-z][\w-]*$/;

export const cssEscape = (text: string): string =>
  typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(text) : text.replace(/[^\w-]/g, (ch) => `\\${ch}`);

export function stableClasses(el: Element): string[] {
  const out: string[] = [];
  for (const name of el.classList) if (!STATE_CLASS.test(name) && !GENERATED_CLASS.test(name)) out.push(name);
  return out.slice(0, 4);
}

/** An id written by people ("customer-list"), not by a framework (":r3:", "ember412", "react-select-2"). */
const isNameId = (id: string): boolean => NAME_ID.test(id) && !/\d/.test(id) && id.length <= 64;

/** tag + stable classes + role: what elements of the same shape share. */
function shapeOf(el: Element, classes: readonly string[] = stableClasses(el)): string {
  const role = el.getAttribute('role');
  return `${cssEscape(el.localName)}${classes.map((name) => `.${cssEscape(name)}`).join('')}${role ? `[role="${cssEscape(role)}"]` : ''}`;
}

/** The shape, with :nth-of-type when its siblings share it. */
function segmentOf(el: Element): string {
  const shape = shapeOf(el);
  const parent = el.parentElement;
  if (!parent) return shape;
  const twins = [...parent.children].filter((sibling) => sibling.matches(shape));
  if (twins.length <= 1) return shape;
  const sameTag = [...parent.children].filter((sibling) => sibling.localName === el.localName);
  return `${shape}:nth-of-type(${sameTag.indexOf(el) + 1})`;
}

/** An absolute selector for one element of its document (or shadow root), checked to match it first. */
export function absoluteSelector(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.id && isNameId(node.id) && root.querySelectorAll(`#${cssEscape(node.id)}`).length === 1) {
      parts.unshift(`#${cssEscape(node.id)}`);
      break;
    }
    parts.unshift(node.localName === 'body' || node.localName === 'html' ? node.localName : segmentOf(node));
    if (node.localName === 'body') break;
  }
  return parts.join(' > ');
}

/**
 * A selector from `row` down to `target` (":scope > div.meta > a"). Positions
 * are kept only where the row itself holds same-shaped siblings, since other
 * rows may hold more or fewer chips: the first match is what a row reads.
 */
export function relativeSelector(row: Element, target: Element): string {
  if (row === target) return ':scope';
  const parts: string[] = [];
  for (let node: Element | null = target; node && node !== row; node = node.parentElement) parts.unshift(segmentOf(node));
  return `:scope > ${parts.join(' > ')}`;
}

/** The first element a relative selector finds in a row (":scope" is the row itself). */
export function queryIn(row: Element, selector: string): Element | null {
  if (selector === ':scope') return row;
  try {
    return row.querySelector(selector);
  } catch {
    return null;
  }
}

/** Every match of an absolute selector; an invalid one (a hand-edited file) matches nothing. */
export function queryAllSafe(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}
