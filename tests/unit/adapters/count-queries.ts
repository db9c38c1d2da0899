/**
 * Counts selector queries (querySelectorAll / querySelector) on elements,
 * documents and document fragments (shadow roots included) while `run` runs:
 * the per-row work an adapter does on a long page.
 */
export function countQueries(doc: Document, run: () => void): { all: number; one: number } {
  const counts = { all: 0, one: 0 };
  const targets = [Element.prototype, Object.getPrototypeOf(doc) as Document, Object.getPrototypeOf(doc.createDocumentFragment()) as DocumentFragment];
  const originals = targets.map((proto) => ({ all: proto.querySelectorAll, one: proto.querySelector }));
  targets.forEach((proto, i) => {
    proto.querySelectorAll = function (this: ParentNode, selector: string) {
      counts.all += 1;
      return originals[i]!.all.call(this, selector);
    } as typeof proto.querySelectorAll;
    proto.querySelector = function (this: ParentNode, selector: string) {
      counts.one += 1;
      return originals[i]!.one.call(this, selector);
    } as typeof proto.querySelector;
  });
  try {
    run();
  } finally {
    targets.forEach((proto, i) => {
      proto.querySelectorAll = originals[i]!.all as typeof proto.querySelectorAll;
      proto.querySelector = originals[i]!.one as typeof proto.querySelector;
    });
  }
  return counts;
}
