/**
 * The product's core vocabulary, shared by every context (content script,
 * background, extension pages, Node scripts). Types only: importing this file
 * adds nothing to a bundle.
 */

/** A CRM site is identified by its origin, e.g. "https://acme.my.salesforce.com". */
export type SiteKey = string;

export type PageKind = 'list' | 'detail';

/** Raw field values as the CRM shows them: field key → displayed text. */
export type RawFields = Record<string, string>;

/** One customer as read from one CRM page, before any parsing. */
export interface CustomerSnapshot {
  /** Stable id of the customer inside the CRM (from a link, a row id, an id column). */
  crmId: string;
  /** Display name, rendered as text only. */
  name: string;
  fields: RawFields;
}

export type Tier = 1 | 2 | 3 | 4 | 5;
export const TIERS: readonly Tier[] = [1, 2, 3, 4, 5];

/**
 * Why a score is what it is: one input's signed contribution to the logit,
 * measured against the training baseline. Positive raises churn risk.
 */
export interface Reason {
  /** Source field key (e.g. "Contract"), i.e. the column the model was trained on. */
  field: string;
  /** The value that drove it, as text (the CRM's own text when available). */
  value: string | null;
  /** Signed contribution to the log-odds; the UI words and sizes it. */
  contribution: number;
}

export interface ModelRef {
  id: string;
  name: string;
  kind: string;
}

export interface RetentionScript {
  id: string;
  /** Rendered text (variables filled in), plain text. */
  text: string;
}

/**
 * What a badge needs, for every customer on a page. Kept lean on purpose: the
 * reasons and script are computed when someone opens the badge, so a
 * 1,000-row list is answered in tens of milliseconds.
 */
export interface BadgeScore {
  crmId: string;
  /** Churn probability in [0, 1]. */
  probability: number;
  tier: Tier;
  model: ModelRef;
  scoredAt: number;
}

/** Why, and what to say: shown in the badge popover. */
export interface BadgeDetails {
  /** Largest contributions first; risk-raising ones first. */
  reasons: Reason[];
  script: RetentionScript;
}

/** A score in depth (side panel). */
export interface CustomerScore extends BadgeScore, BadgeDetails {}
