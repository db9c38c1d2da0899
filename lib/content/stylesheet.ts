/**
 * One constructable stylesheet per CSS text, shared by every shadow root that
 * adopts it (1,000 badges = 1 stylesheet, not 1,000 <style> copies). Where a
 * browser refuses adoptedStyleSheets from an extension world (Firefox content
 * scripts), fall back to a <style> element in that root.
 */
export function createStyleApplier(cssText: string) {
  let shared: CSSStyleSheet | null | undefined;
  return function apply(root: ShadowRoot): void {
    if (shared === undefined) {
      try {
        shared = new CSSStyleSheet();
        shared.replaceSync(cssText);
      } catch {
        shared = null;
      }
    }
    if (shared) {
      try {
        root.adoptedStyleSheets = [shared];
        return;
      } catch {
        shared = null;
      }
    }
    const style = root.ownerDocument.createElement('style');
    style.textContent = cssText;
    root.append(style);
  };
}
