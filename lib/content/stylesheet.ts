/**
 * One constructable stylesheet per CSS text and document, shared by every
 * shadow root of that document that adopts it (1,000 badges = 1 stylesheet,
 * not 1,000 <style> copies). A sheet can only be adopted in the document
 * whose CSSStyleSheet built it, so a same-origin iframe gets its own, built
 * with its window's constructor. Where a browser refuses adoptedStyleSheets
 * from an extension world (Firefox content scripts), or the document has no
 * window, fall back to a <style> element in that root.
 */
export function createStyleApplier(cssText: string) {
  const sheets = new WeakMap<Document, CSSStyleSheet | null>();

  function sheetFor(doc: Document): CSSStyleSheet | null {
    let sheet = sheets.get(doc);
    if (sheet === undefined) {
      try {
        const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
        sheet = Sheet ? new Sheet() : null;
        sheet?.replaceSync(cssText);
      } catch {
        sheet = null;
      }
      sheets.set(doc, sheet);
    }
    return sheet;
  }

  return function apply(root: ShadowRoot): void {
    const doc = root.ownerDocument;
    const sheet = sheetFor(doc);
    if (sheet) {
      try {
        root.adoptedStyleSheets = [sheet];
        return;
      } catch {
        sheets.set(doc, null);
      }
    }
    const style = doc.createElement('style');
    style.textContent = cssText;
    root.append(style);
  };
}
