import type { RawRow, Scorer } from './types';

/**
 * Which of the active models scores a customer. A site can hold customers of
 * different kinds (the demo CRM has subscribers and shoppers; a real CRM has
 * accounts and leads): each model serves the customers whose data it was
 * trained on. The one whose input columns the row covers best wins; ties go
 * to the earlier (more recently activated) model. A row that covers none of
 * any model's columns still gets the first model (every column held at its
 * training baseline), so a badge is never missing.
 *
 * A scorer that declares which rows it accepts (`Scorer.accepts`, e.g. the
 * BG/NBD model: rows with a purchase history) is a specialist: when it
 * accepts the row it is chosen before coverage is compared; when it does not,
 * it is not a candidate.
 */
export function coverage(sources: readonly string[], row: RawRow): number {
  if (sources.length === 0) return 0;
  let present = 0;
  for (const source of sources) if (Object.hasOwn(row, source)) present++;
  return present / sources.length;
}

export function chooseScorer<T extends Pick<Scorer, 'artifact' | 'accepts'>>(
  scorers: readonly T[],
  row: RawRow,
  sourcesOf: (scorer: T) => readonly string[],
): T | undefined {
  const specialist = scorers.find((scorer) => scorer.accepts?.(row) === true);
  if (specialist) return specialist;
  const candidates = scorers.filter((scorer) => !scorer.accepts);
  if (candidates.length) scorers = candidates;
  let best: T | undefined;
  let bestCoverage = -1;
  for (const scorer of scorers) {
    const c = coverage(sourcesOf(scorer), row);
    if (c > bestCoverage) {
      best = scorer;
      bestCoverage = c;
    }
  }
  return best;
}

/** The distinct source columns of a model, in model order. */
export function modelSources(scorer: Pick<Scorer, 'artifact'>): string[] {
  return [...new Set(scorer.artifact.preprocessor.featureSource)];
}

/** True when the model reads indicator features (`ind:*`): its customers need indicators computed before scoring. */
export function usesIndicators(scorer: Pick<Scorer, 'artifact'>): boolean {
  return scorer.artifact.preprocessor.featureSource.some((source) => source.startsWith('ind:'));
}

/** True when the model reads product fields (`field:*`, imported models' feature specs): rows need them resolved per site. */
export function readsProductFields(scorer: Pick<Scorer, 'artifact'>): boolean {
  return scorer.artifact.preprocessor.featureSource.some((source) => source.startsWith('field:'));
}
