import type { Activity, CustomerSnapshot, PageKind, Reason, SiteKey, Tier } from '../domain';
import type { ChurnPattern, IndicatorValue, LifecycleStage } from '../indicators/types';
import type { ModelArtifact } from '../model/types';

/**
 * Row types of the Churn Radar database. Every version is declared in db.ts;
 * this file describes the newest (version 2).
 *
 * customers     one row per (site, crmId): latest known fields merged over all
 *               observations, newest value wins; first/last seen.
 * observations  append-only: what a CRM page showed about a customer, when and where.
 *               A new row is written only when the fields changed or the last one
 *               is older than OBSERVATION_REFRESH_MS, so browsing a list all day
 *               does not flood history with identical copies; at most one per
 *               OBSERVATION_MIN_GAP_MS, and (since issue 15) holding only the
 *               fields that changed: readers carry earlier values forward.
 * scores        append-only score history (one row per scoring that changed the
 *               probability, or per day).
 * models        model artifacts; the active one is meta['activeModelId'].
 * meta          small key → value records owned by the background.
 *
 * Added in version 2:
 * activities    orders, tickets, notes, contacts, payments a CRM page listed for a
 *               customer, parsed; keyed by (site, crmId, id) so a re-seen activity
 *               updates in place (a ticket's status moves from Open to Resolved).
 * indicators    indicator values per customer over time: one row per computation
 *               that changed something (or per day), newest last.
 * actions       what a user did about a customer and its outcome (issue 7 fills it);
 *               never pruned by the retention window.
 * settings      manager settings (retention window, churn definition, competitors),
 *               key → value, versioned by the database schema.
 * customers     gains `value` (monthly value, parsed), `today` (the CRM's own "today"
 *               when a page declares one) and `visits` (for "since your last visit").
 *
 * Added in version 4:
 * feedback      "score looks wrong" flags (too high / too low, why), kept for managers and
 *               used as labelled feedback for the next training.
 * overrides     a pinned tier per customer with a reason and an expiry.
 *
 * Added in version 5:
 * enrolments    customers enrolled in an experiment: arm and when (lib/experiments/outcomes.ts).
 *
 * Changed in version 3:
 * observations  replaced by observationBatches: one row per page sighting with its
 *               customers' snapshots, multiEntry-indexed by customer (`*keys`), because
 *               IndexedDB costs per record (see lib/db/observation-batches.ts).
 *
 * Queries and their indexes:
 *   a customer's history         observationBatches *keys / [site+crmId+at] / [site+crmId+computedAt]
 *   retention pruning            observationBatches.observedAt, scoredAt, computedAt (range below a cut-off)
 *   a site's data (export/erase) site on every table
 *   worklists by value           [site+value]
 */
export interface CustomerRow {
  site: SiteKey;
  crmId: string;
  name: string;
  fields: Record<string, string>;
  firstSeen: number;
  lastSeen: number;
  /** When the last observation row was written (see OBSERVATION_REFRESH_MS). */
  lastObservedAt: number;
  observationCount: number;
  /** Denormalised latest score, so scoring a page needs one read per customer. */
  lastScore?: { probability: number; tier: Tier; modelId: string; scoredAt: number };
  /** v2: monthly value parsed from the fields, when the CRM shows one (for value-at-stake and sorting). */
  value?: number;
  /** v2: the CRM page's own "today" (epoch ms) when it declares one; indicators are computed as of it. */
  today?: number;
  /** When the customer's score last rose to an at-risk tier (≥ 3); contact due times count from here. */
  atRiskSince?: number;
  /** The CRM detail page the customer was last seen on, for "open in CRM" from a worklist. */
  detailUrl?: string;
  /** v2: what the side panel showed at the previous and current visit, for "since your last visit". */
  visits?: { previous?: VisitSnapshot; current?: VisitSnapshot };
  /** How many activities are stored for the customer (0/absent: none to load when scoring). */
  activityCount?: number;
  /** Digest and time of the last indicator row written, so unchanged indicators are not re-recorded. */
  indicators?: { digest: string; at: number };
  /**
   * Fields changed since the last observation that the observation throttle
   * (OBSERVATION_MIN_GAP_MS) has not recorded yet; the next observation stores
   * them. Absent when history is up to date. (No index: no schema version.)
   */
  unobservedFields?: string[];
  /** The churn definition's label as last worked out (lib/labels/stored-label.ts). No index: no schema version. */
  label?: StoredLabel;
  /** v7, derived (worklist-keys.ts): the worklist's order, present only at an at-risk tier; indexed. */
  worklistRank?: number;
  /** v7, derived (worklist-keys.ts): the account owner; indexed for the owner filter's list. */
  owner?: string;
}

/**
 * A customer's churn label kept with its row, so views read labels instead of
 * working them out for every customer. Valid while its version (definition and
 * site mapping) is current, the row is the one it was worked out on, and
 * `until` has not passed.
 */
export interface StoredLabel {
  version: string;
  churned: boolean | null;
  /** The row it was worked out on: a later sighting or activity list makes it stale. */
  lastSeen: number;
  activityCount: number;
  /** Epoch ms from which the label may read differently (it reads dates); absent: while the row is unchanged. */
  until?: number;
  /** The customer's first sighting already showed it churned (under this version); absent: not worked out yet. */
  firstChurned?: boolean;
}

/** The state of a customer when a user last looked at it in the side panel. */
export interface VisitSnapshot {
  at: number;
  probability: number | null;
  /** Indicator id → value (only available ones). */
  indicators: Record<string, number | string>;
  /** Feature/indicator → signed contribution, as explained at that visit. */
  contributions: Record<string, number>;
}

export interface ActivityRow extends Activity {
  site: SiteKey;
  crmId: string;
  /** When the extension first and last saw it on a page. */
  firstSeen: number;
  lastSeen: number;
}

export interface IndicatorRow {
  id?: number;
  site: SiteKey;
  crmId: string;
  computedAt: number;
  values: IndicatorValue[];
  lifecycle: LifecycleStage | null;
  pattern: ChurnPattern | null;
}

export type ActionKind = 'called' | 'emailed' | 'offer' | 'meeting' | 'no_contact';
export type OutcomeKind = 'retained' | 'churned' | 'no_answer' | 'pending';

export interface ActionRow {
  id?: number;
  site: SiteKey;
  crmId: string;
  at: number;
  kind: ActionKind;
  playbookId?: string;
  scriptId?: string;
  note?: string;
  outcome?: { kind: OutcomeKind; at: number };
}

/** v4: an agent says a score looks wrong; labelled feedback for the next training. */
export interface FeedbackRow {
  id?: number;
  site: SiteKey;
  crmId: string;
  at: number;
  verdict: 'too_high' | 'too_low';
  reason: string;
  /** The score the agent saw. */
  probability: number;
  tier: Tier;
  modelId: string;
}

/** v4: a tier pinned by an agent or manager, with why and until when. */
export interface OverrideRow {
  site: SiteKey;
  crmId: string;
  tier: Tier;
  reason: string;
  at: number;
  expiresAt: number;
}

/** v5: a customer enrolled in an experiment (lib/experiments): the arm is a pure function of both ids, stored to keep who was enrolled and when. */
export interface EnrolmentRow {
  experimentId: string;
  site: SiteKey;
  crmId: string;
  arm: 'control' | 'treatment';
  enrolledAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** v3: observations are stored one row per page sighting (lib/db/observation-batches.ts). */
export interface ObservationBatchRow {
  id?: number;
  site: SiteKey;
  observedAt: number;
  pageKind: PageKind;
  url: string;
  adapter: string;
  /** `${site}\u0000${crmId}` per customer, multiEntry-indexed: a customer's batches by key. */
  keys: string[];
  crmIds: string[];
  names: string[];
  fields: Record<string, string>[];
}

/** One customer as one page showed it, at one time: the logical observation. */
export interface ObservationRow {
  id?: number;
  site: SiteKey;
  crmId: string;
  observedAt: number;
  pageKind: PageKind;
  url: string;
  adapter: string;
  name: CustomerSnapshot['name'];
  fields: Record<string, string>;
}

export interface ScoreRow {
  id?: number;
  site: SiteKey;
  crmId: string;
  scoredAt: number;
  probability: number;
  tier: Tier;
  modelId: string;
  reasons: Reason[];
}

export interface ModelRow {
  id: string;
  createdAt: string;
  importedAt: number;
  artifact: ModelArtifact;
  /**
   * v5: the sites (origins) this model scores. A model trained on one site's
   * data scores another only when a manager assigns it there; [] = none yet
   * (a CSV-trained or imported model until assigned in Options → Models).
   */
  sites?: SiteKey[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}
