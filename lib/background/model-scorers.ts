/**
 * Live scorers by model id, built once per worker life and reused across
 * reloads of the active set; those of models taken out of service are
 * disposed after a grace period, so a scan in flight can finish.
 */
import type { ModelRow } from '../db/schema';
import type { ModelArtifact, Scorer } from '../model/types';

/** Scorers of models taken out of service are disposed this long after. */
const DISPOSE_AFTER_MS = 30_000;

export function scorerCache(deps: {
  parse: (json: unknown) => ModelArtifact;
  createScorer: (artifact: ModelArtifact) => Promise<Scorer>;
  later: (task: () => void, ms: number) => void;
}) {
  const scorers = new Map<string, Promise<Scorer>>();
  return {
    /** The row's scorer (a failed build is forgotten, so the next use tries again). */
    of(row: ModelRow): Promise<Scorer> {
      let scorer = scorers.get(row.id);
      if (!scorer) {
        scorer = Promise.resolve()
          .then(() => deps.createScorer(deps.parse(row.artifact)))
          .catch((error: unknown) => {
            scorers.delete(row.id);
            throw error;
          });
        scorers.set(row.id, scorer);
      }
      return scorer;
    },
    /** Disposes (after the grace period) the scorers of models not in `ids`. */
    keepOnly(ids: readonly string[]): void {
      for (const [id, scorer] of scorers) {
        if (ids.includes(id)) continue;
        scorers.delete(id);
        deps.later(
          () =>
            void scorer.then(
              (s) => s.dispose(),
              () => undefined,
            ),
          DISPOSE_AFTER_MS,
        );
      }
    },
  };
}

export type ScorerCache = ReturnType<typeof scorerCache>;
