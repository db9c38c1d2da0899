import type { CustomerSnapshot, PageKind, Reason, SiteKey, Tier } from '../domain';
import type { ModelArtifact } from '../model/types';

/**
 * Row types of the Churn Radar database (schema version 1).
 *
 * customers     one row per (site, crmId): latest known fields merged over all
 *               observations, newest value wins; first/last seen.
 * observations  append-only: what a CRM page showed about a customer, when and where.
 *               A new row is written only when the fields changed or the last one
 *               is older than OBSERVATION_REFRESH_MS, so browsing a list all day
 *               does not flood history with identical copies.
 * scores        append-only score history (one row per scoring that changed the
 *               probability, or per day).
 * models        model artifacts; the active one is meta['activeModelId'].
 * meta          small key → value records owned by the background.
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
}

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
}

export interface MetaRow {
  key: string;
  value: unknown;
}
