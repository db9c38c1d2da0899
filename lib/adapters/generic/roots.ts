import { isOurHost } from './text';

/**
 * Every part of the page extraction must look into: the document, each open
 * shadow root (Salesforce Lightning nests its lists three roots deep) and each
 * same-origin iframe's document (Visualforce pages, old CRM frames), depth
 * first, in document order. Closed shadow roots and cross-origin frames are
 * out of reach by design. Our own badge hosts have open shadow roots too:
 * they are skipped. One `*` query per root finds the hosts: ≈ 1 ms for a
 * 10,000-element page in Chromium.
 */
export type Root = Document | ShadowRoot;

const MAX_DEPTH = 8;

export function collectRoots(doc: Document): Root[] {
  const roots: Root[] = [];
  visit(doc, roots, 0);
  return roots;
}

function visit(root: Root, roots: Root[], depth: number): void {
  roots.push(root);
  if (depth >= MAX_DEPTH) return;
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (shadow !== null && !isOurHost(el)) visit(shadow, roots, depth + 1);
    else if (el.localName === 'iframe' || el.localName === 'frame') {
      const inner = frameDocument(el as HTMLIFrameElement);
      if (inner) visit(inner, roots, depth + 1);
    }
  }
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    // Cross-origin frames give null (or throw in some engines).
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** Matches of `selector` in every root, root by root. */
export function queryAll(roots: readonly Root[], selector: string): Element[] {
  const found: Element[] = [];
  for (const root of roots) for (const el of root.querySelectorAll(selector)) found.push(el);
  return found;
}

/** getElementById within the element's own root (document or shadow root). */
export function byIdNear(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Root;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The URL links resolve against: the page's, or a same-origin frame's own when it has one (srcdoc frames have none). */
export function baseUrlOf(el: Element, page: Document, pageUrl: URL): URL {
  const doc = el.ownerDocument;
  if (doc === page || !/^https?:/.test(doc.URL)) return pageUrl;
  try {
    return new URL(doc.URL);
  } catch {
    return pageUrl;
  }
}
