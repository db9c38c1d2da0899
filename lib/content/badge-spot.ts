import { decoration, unseen } from '../adapters/generic/text';

/**
 * Where a badge goes beside a customer's name. The host takes real width
 * (styles.ts), so it never draws over the name or the next cell; where it
 * goes follows how the CRM lays the name out (issue 14, measured on the UI-kit
 * fixtures):
 *
 * - The name is the element holding the anchor's longest text: inside a link
 *   "avatar + name" (MUI's FullNameField) that is the inner name span, not
 *   the link (a host after the link wrapped below it).
 * - A name that is plain inline text (a link in a cell) gets the host as its
 *   sibling; any other box (a `<td>`, a heading, a flex item, an inline-flex
 *   link) gets it inside, flowing with the name's own text, so it never
 *   becomes a cell of its own (Element Plus' descriptions), a line of its own
 *   (shadcn's link stacked in a flex column) or a far-away flex item (MUI's
 *   app-bar title that grows to fill the bar).
 * - Where the name may be clipped (it or an element on the way up to its cell
 *   hides overflow: AG Grid, MUI DataGrid, Element Plus' `.cell`, Tailwind's
 *   `truncate`), the host goes before the name, which is then cut or wrapped
 *   instead of the badge; elsewhere after it.
 * - A form control (a detail page's "Name" input) cannot hold it: beside it.
 */
export interface BadgeSpot {
  el: Element;
  /** before/after: as `el`'s sibling; start/end: as its first/last child. */
  at: 'before' | 'after' | 'start' | 'end';
}

/** The few computed-style properties the choice depends on (injected in unit tests: happy-dom has no layout). */
export type StyleOf = (el: Element) => Pick<CSSStyleDeclaration, 'display' | 'overflowX'>;

const CANNOT_HOLD = new Set(['input', 'select', 'textarea', 'img', 'svg', 'button', 'iframe', 'video', 'canvas']);
const HIDES_OVERFLOW = /hidden|clip|auto|scroll/;
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
/** Levels above the name searched for a clip: a cell is never deeper than this in the kits (AG Grid: 2). */
const CLIP_DEPTH = 4;

export function badgeSpot(anchor: Element, styleOf: StyleOf): BadgeSpot {
  const name = nameHolder(anchor);
  const { display } = styleOf(name);
  // No display at all (a document without layout): beside it, as for inline text.
  if (CANNOT_HOLD.has(name.localName) || display === 'inline' || display === '') {
    const parent = name.parentElement;
    return { el: name, at: parent && clips(parent, styleOf) ? 'before' : 'after' };
  }
  return { el: name, at: clips(name, styleOf) ? 'start' : 'end' };
}

/** Puts `host` at `spot`. */
export function placeAt(spot: BadgeSpot, host: Element): void {
  const { el, at } = spot;
  if (at === 'before') el.before(host);
  else if (at === 'after') el.after(host);
  else if (at === 'start') el.prepend(host);
  else el.append(host);
}

/** The element a host at `spot` would replace when one is already there (left by an invalidated copy). */
export function occupant(spot: BadgeSpot): Element | null {
  const { el, at } = spot;
  return at === 'before' ? el.previousElementSibling : at === 'after' ? el.nextElementSibling : at === 'start' ? el.firstElementChild : el.lastElementChild;
}

function isCell(el: Element): boolean {
  return el.localName === 'td' || el.localName === 'th' || CELL_ROLES.has(el.getAttribute('role') ?? '');
}

/** The anchor's element that directly holds its longest seen text (the name, not an avatar's initials or assistive text). */
function nameHolder(anchor: Element): Element {
  if (anchor.firstElementChild === null) return anchor;
  let best = anchor;
  let longest = 0;
  const visit = (el: Element) => {
    for (let child = el.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const length = (child.nodeValue ?? '').trim().length;
        if (length > longest) [longest, best] = [length, el];
      } else if (child.nodeType === 1 && !unseen(child as Element) && !decoration(child as Element)) visit(child as Element);
    }
  };
  visit(anchor);
  return best;
}

/** Whether `from` or an element above it, up to its cell, hides horizontal overflow. */
function clips(from: Element, styleOf: StyleOf): boolean {
  let el: Element | null = from;
  for (let depth = 0; el !== null && depth <= CLIP_DEPTH; depth++, el = el.parentElement) {
    if (el.localName === 'body') return false;
    if (HIDES_OVERFLOW.test(styleOf(el).overflowX)) return true;
    if (isCell(el)) return false;
  }
  return false;
}
