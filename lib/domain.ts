/**
 * The product's core vocabulary, shared by every context (content script,
 * background, extension pages, Node scripts). Types and a few constant lists:
 * importing it adds next to nothing to a bundle.
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
  /** Activities the page lists for this customer (orders, tickets, notes…), raw text, when it shows any. */
  activities?: ActivitySnapshot[];
}

/**
 * How much of a snapshot a page may send (lib/messaging/schemas.ts checks
 * them; the adapters clamp to them: lib/adapters/clamp.ts), so one long cell
 * never makes the background refuse a whole page.
 */
export const SNAPSHOT_LIMITS = {
  id: 256,
  name: 512,
  label: 256,
  value: 4096,
  fields: 300,
  activities: 2000,
  activityPart: 128,
  activityStatus: 256,
  activityText: 8192,
  customers: 5000,
} as const;

export const ACTIVITY_KINDS = ['order', 'ticket', 'note', 'contact', 'payment'] as const;
/** order = purchase/renewal; ticket = support case/complaint; note = free text; contact = logged call/email/meeting; payment = invoice/payment event. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One activity as a CRM page shows it: raw text only, parsed in the background (lib/parse). */
export interface ActivitySnapshot {
  /** The CRM's own id for it when the page shows one; otherwise derived from its content. */
  id?: string;
  kind: ActivityKind;
  /** Date or relative time as displayed ("2024-03-05", "3 days ago", "2024年3月5日"). */
  date: string;
  /** Money as displayed (orders, payments). */
  amount?: string;
  /** Units as displayed ("3", "3 CDs", "5 单"). */
  quantity?: string;
  /** Status as displayed ("Open", "Resolved", "Failed", "已解决"). */
  status?: string;
  /** Subject, note or ticket text: input to sentiment and competitor mentions. */
  text?: string;
}

/** An activity after parsing: what history and indicators work with. */
export interface Activity {
  /** Stable within (site, crmId): the CRM's id or a hash of kind+date+amount+text. */
  id: string;
  kind: ActivityKind;
  /** Epoch ms (UTC midnight for dates without a time). */
  at: number;
  amount?: number;
  quantity?: number;
  status?: string;
  text?: string;
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
  /** The indicator this input stands for, when one is available: the UI says its meaning instead of the column. */
  indicator?: { id: string; label: { en: string; zh: string }; meaning: { en: string; zh: string } | null };
}

export interface ModelRef {
  id: string;
  name: string;
  kind: string;
}

interface RetentionScript {
  id: string;
  /** The message (email / chat) version, variables filled in, plain text. */
  text: string;
  /** The call talk track, plain text. */
  call?: string;
  /** Script title and retention strategy, in the shown language. */
  title?: string;
  strategy?: string;
  /** The playbook rule that chose it (absent: the playbook's fallback). */
  ruleId?: string;
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
  /** The tier shown: the model's, or the one an agent pinned (see `pinned`). */
  tier: Tier;
  /** Present when an agent or manager pinned the tier: the model's own tier, why, until when. */
  pinned?: { modelTier: Tier; reason: string; expiresAt: number };
  model: ModelRef;
  scoredAt: number;
  /**
   * Present when the probability is a within-site ranking by a label-free
   * model (a site no trained model is assigned to), not yet a calibrated
   * probability; the tiers are then the site's quantiles.
   */
  ranking?: true;
  /**
   * With `ranking`: the whole percentage of the site's customers scored
   * lower ("riskier than N %"), what the badge, popover and side panel show
   * instead of the uncalibrated probability.
   */
  percentile?: number;
}

/** Why, and what to say: shown in the badge popover. */
export interface BadgeDetails {
  /** Largest contributions first; risk-raising ones first. */
  reasons: Reason[];
  script: RetentionScript;
  /** In an experiment's control group: no outreach until then (epoch ms). */
  control?: { until: number };
}

/** A score in depth (side panel). */
export interface CustomerScore extends BadgeScore, BadgeDetails {}
