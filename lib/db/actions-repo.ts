import type { SiteKey } from '../domain';
import type { ChurnRadarDb } from './db';
import type { ActionRow, FeedbackRow, OutcomeKind, OverrideRow } from './schema';

/** Actions and outcomes, score feedback and tier overrides: what the team did and said, never pruned. */

export async function addAction(db: ChurnRadarDb, action: Omit<ActionRow, 'id'>): Promise<number> {
  return (await db.actions.add(action as ActionRow)) as number;
}

/** Record an action's outcome; false when the action does not exist (or belongs to another site). */
export async function setOutcome(db: ChurnRadarDb, site: SiteKey, actionId: number, outcome: OutcomeKind, at: number): Promise<boolean> {
  return db.transaction('rw', db.actions, async () => {
    const action = await db.actions.get(actionId);
    if (!action || action.site !== site) return false;
    await db.actions.put({ ...action, outcome: { kind: outcome, at } });
    return true;
  });
}

export async function getActions(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<ActionRow[]> {
  return db.actions.where('[site+crmId+at]').between([site, crmId, -Infinity], [site, crmId, Infinity]).toArray();
}

export async function addFeedback(db: ChurnRadarDb, feedback: Omit<FeedbackRow, 'id'>): Promise<number> {
  return (await db.feedback.add(feedback as FeedbackRow)) as number;
}

export async function getFeedback(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<FeedbackRow[]> {
  return db.feedback.where('[site+crmId+at]').between([site, crmId, -Infinity], [site, crmId, Infinity]).toArray();
}

/** Every unexpired override of a site, keyed by CRM id (for badging a whole list page at once). */
export async function activeOverrides(db: ChurnRadarDb, site: SiteKey, now: number): Promise<Map<string, OverrideRow>> {
  const rows = await db.overrides.where('site').equals(site).toArray();
  return new Map(rows.filter((row) => row.expiresAt > now).map((row) => [row.crmId, row]));
}
