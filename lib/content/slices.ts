/**
 * Long work cut into slices of at most `budgetMs` of the main thread each,
 * with the page's own tasks (and frames) in between: `step` does one unit
 * (reads a row, builds a badge) and says whether more is left; `nextSlice`
 * waits for the next idle moment. `stop` ends the work early between units
 * (the page changed under it). Resolves true when `step` ran out of work.
 */
export async function runInSlices(
  step: () => boolean,
  options: { budgetMs: number; now: () => number; nextSlice: () => Promise<void>; stop?: () => boolean },
): Promise<boolean> {
  for (;;) {
    const started = options.now();
    do {
      if (options.stop?.()) return false;
      if (!step()) return true;
    } while (options.now() - started < options.budgetMs);
    await options.nextSlice();
  }
}
