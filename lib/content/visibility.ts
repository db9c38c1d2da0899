/**
 * Which rows are on screen, told by the browser (IntersectionObserver): it
 * works it out after its own layout, so asking costs the CRM no forced
 * layout, and rows that scroll into view later are told too. The scanner
 * watches the rows it has not read yet and stops watching each once read,
 * so a page read to the end watches nothing. Rows are watched in chunks
 * (WATCH_PER_STEP) so a 10,000-row list is not one long task.
 */
export const WATCH_PER_STEP = 500;

export interface VisibilityWatch {
  watch(rows: readonly Element[]): void;
  unwatch(row: Element): void;
  /** Stop watching everything (a new plan of the page replaces this one). */
  reset(): void;
}

/**
 * `onVisible` gets rows as they come on screen (in the order the browser
 * reports them); its first call, after the rows are first measured, may be
 * empty (none on screen), so the caller knows it has been told.
 */
export function createVisibilityWatch(onVisible: (rows: Element[]) => void): VisibilityWatch {
  const observers = new Map<Window | null, IntersectionObserver>();
  const observerFor = (row: Element) => {
    const view = row.ownerDocument.defaultView;
    let observer = observers.get(view);
    if (!observer) {
      // A same-origin frame's rows are measured against the frame's own viewport.
      const Observer = (view as (Window & typeof globalThis) | null)?.IntersectionObserver ?? IntersectionObserver;
      observer = new Observer((entries) => {
        onVisible(entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target));
      });
      observers.set(view, observer);
    }
    return observer;
  };
  return {
    watch: (rows) => rows.forEach((row) => observerFor(row).observe(row)),
    unwatch: (row) => observers.get(row.ownerDocument.defaultView)?.unobserve(row),
    reset() {
      for (const observer of observers.values()) observer.disconnect();
      observers.clear();
    },
  };
}
