import type { ExtractedCustomer } from '../types';
import type { GridRow } from './structure';

/**
 * Re-scans read only the rows that changed. The scanner re-runs extraction
 * on every relevant mutation, inside the CRM's render task; a row element
 * that still shows the same text (its signature) under the same column plan
 * gives back the customer read last time, without reading its cells or
 * parsing its link again.
 *
 * A cached customer is given back only while its anchor is still in the row
 * and, for a link, still points where it pointed: frameworks that re-create
 * nodes (React keys, Angular trackBy, Lightning) or recycle row elements in
 * a virtualised grid (AG-Grid) make the row read afresh. Keys are the row
 * elements, held weakly: rows the CRM drops are forgotten with them.
 */

export interface RowCache {
  /** The cached reading of this row (null = read and skipped), or undefined when it must be read. */
  get(row: GridRow, plan: string, signature: string): ExtractedCustomer | null | undefined;
  set(row: GridRow, plan: string, signature: string, customer: ExtractedCustomer | null): void;
  readonly stats: { hits: number; misses: number };
}

/** What a row shows: the text of every element it is made of. */
export function rowSignature(row: GridRow): string {
  if (row.parts.length === 1) return row.parts[0]!.textContent ?? '';
  let text = '';
  for (const part of row.parts) text += `${part.textContent ?? ''}\u241e`;
  return text;
}

interface Entry {
  plan: string;
  signature: string;
  customer: ExtractedCustomer | null;
  href: string | null;
}

/** `el` is in `part`, also through the shadow roots of components inside it. */
function inside(part: Element, el: Element): boolean {
  for (let node: Element | null = el; node !== null; node = (node.getRootNode() as ShadowRoot).host ?? null) {
    if (part.contains(node)) return true;
  }
  return false;
}

const stillThere = (row: GridRow, customer: ExtractedCustomer, href: string | null): boolean => {
  const { anchor } = customer;
  if (!anchor.isConnected || !row.parts.some((part) => inside(part, anchor))) return false;
  return href === null || anchor.getAttribute('href') === href;
};

export function createRowCache(): RowCache {
  const entries = new WeakMap<Element, Entry>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    get(row, plan, signature) {
      const entry = entries.get(row.element);
      if (entry && entry.plan === plan && entry.signature === signature && (entry.customer === null || stillThere(row, entry.customer, entry.href))) {
        stats.hits++;
        return entry.customer;
      }
      stats.misses++;
      return undefined;
    },
    set(row, plan, signature, customer) {
      const href = customer && customer.anchor.localName === 'a' ? customer.anchor.getAttribute('href') : null;
      entries.set(row.element, { plan, signature, customer, href });
    },
  };
}
