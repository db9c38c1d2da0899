import { collapse } from './text';

/**
 * The label an icon gives the value beside it ("✉ ada@acme.com"), as a
 * screen reader would say it: aria-label, title, an SVG's <title>, else the
 * icon's own name (MUI's data-testid "EmailIcon", lucide's class
 * "lucide-mail", Ant Design's "anticon-phone", Font Awesome's "fa-envelope").
 * The few names that mean a CRM field are said as that field ("mail" →
 * "Email"); any other name is its words ("AccessTime" → "Access time").
 */

/** An icon's name as a class or font would spell it ("mail", "map-pin"), not a phrase a person wrote. */
const ICON_NAME = /^[a-z][a-z0-9-]*$/;
const ICON_TAGS = new Set(['svg', 'img', 'i']);
const ICON_CLASS = /(?:^|\s)(?:lucide|anticon|fa|bi|ri|mdi|icon|el-icon|material-icons)-([a-z][a-z0-9-]*)/gi;
/** Icon-font modifiers (Font Awesome's fa-fw, fa-lg, fa-2x…): not names. */
const MODIFIER = /^(?:fw|lg|xs|sm|xl|\dx|spin|pulse|border|inverse|solid|regular|light|thin|duotone|brands|stack|li|ul|flip|rotate)/i;
const TEST_ID_ICON = /^([A-Z][A-Za-z0-9]*?)(?:Outlined|Rounded|Sharp|TwoTone)?Icon$/;
const FIELD_OF_ICON: Readonly<Record<string, string>> = {
  mail: 'Email',
  email: 'Email',
  envelope: 'Email',
  at: 'Email',
  phone: 'Phone',
  call: 'Phone',
  smartphone: 'Phone',
  mobile: 'Phone',
  local: 'Phone',
  building: 'Company',
  business: 'Company',
  apartment: 'Company',
  bank: 'Company',
  corporate: 'Company',
  location: 'Address',
  place: 'Address',
  map: 'Address',
  pin: 'Address',
  home: 'Address',
  globe: 'Website',
  link: 'Website',
  language: 'Website',
  web: 'Website',
};

/** "AccessTime", "map-pin-2", "building_2" → ["access", "time"], ["map", "pin"], ["building"]. */
const wordsOf = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word));

function fromName(name: string): string | null {
  const words = wordsOf(name);
  if (words.length === 0) return null;
  const field = FIELD_OF_ICON[words[0]!];
  if (field) return field;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether `el` is an icon: an svg/img/i, or an element holding only one and no text. */
export function isIcon(el: Element): boolean {
  if (ICON_TAGS.has(el.localName)) return true;
  if ((el.textContent ?? '').trim() !== '') return false;
  const only = el.firstElementChild;
  return (el.getAttribute('role') === 'img' && el.childElementCount <= 1) || (only !== null && el.childElementCount === 1 && ICON_TAGS.has(only.localName));
}

/** What an icon says, or null when it says nothing a field could be named by. */
export function iconLabel(el: Element): string | null {
  const named = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? (el.localName === 'img' ? el.getAttribute('alt') : null);
  if (named && collapse(named) !== '') return ICON_NAME.test(collapse(named)) ? fromName(collapse(named)) : collapse(named);
  const title = el.querySelector('title')?.textContent;
  if (title && collapse(title) !== '') return collapse(title);
  for (const node of [el, el.firstElementChild]) {
    if (!node) continue;
    const testId = TEST_ID_ICON.exec(node.getAttribute('data-testid') ?? '');
    if (testId) return fromName(testId[1]!);
    for (const cls of (node.getAttribute('class') ?? '').matchAll(ICON_CLASS)) if (!MODIFIER.test(cls[1]!)) return fromName(cls[1]!);
  }
  return null;
}
