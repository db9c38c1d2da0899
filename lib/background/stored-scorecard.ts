import type { ChurnRadarDb } from '../db/db';
import { createScorecardScorer, DEFAULT_SCORECARD, parseScorecard } from '../model/scorecard';
import type { Scorer } from '../model/types';

/** The manager's starter-scorecard weights (absent: DEFAULT_SCORECARD). */
export const SCORECARD_KEY = 'scorecard';

/** The starter scorecard with the manager's weights; the default when none are stored or they no longer parse. */
export async function storedScorecardScorer(db: ChurnRadarDb): Promise<Scorer> {
  const stored = (await db.meta.get(SCORECARD_KEY))?.value;
  let card = DEFAULT_SCORECARD;
  if (stored !== undefined) {
    try {
      card = parseScorecard(stored);
    } catch {
      // Weights this version cannot read: the default scores rather than nothing.
    }
  }
  return createScorecardScorer(card);
}
