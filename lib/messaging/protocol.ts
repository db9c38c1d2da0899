/**
 * Every message between contexts, declared once. Requests are validated in the
 * background (lib/messaging/schemas.ts) before any handler sees them.
 * Types only here, so the content script bundle pays nothing for it.
 */
import type { BadgeDetails, BadgeScore, CustomerScore, CustomerSnapshot, PageKind, SiteKey, Tier } from '../domain';
import type { IndicatorValue } from '../indicators/types';
import type { ModelMetrics } from '../model/types';

export interface ModelInfo {
  id: string;
  name: string;
  kind: string;
  createdAt: string;
  trainedBy: string;
  label: { column: string; positive: string };
  trainingRows: number;
  trainingSource: string;
  features: number;
  metrics: ModelMetrics;
}

export interface ScoreHistoryPoint {
  at: number;
  probability: number;
  tier: Tier;
}

export interface CustomerView {
  site: SiteKey;
  crmId: string;
  name: string;
  fields: Record<string, string>;
  firstSeen: number;
  lastSeen: number;
  observations: number;
  score: CustomerScore | null;
  history: ScoreHistoryPoint[];
  /** Indicators computed from what has been seen so far, all six categories. */
  indicators: IndicatorValue[];
}

export interface Protocol {
  /** Content script → background: customers on the page; answer with their scores. */
  scanPage: {
    request: { url: string; pageKind: PageKind; adapter: string; customers: CustomerSnapshot[]; today?: string };
    response: { scores: BadgeScore[] };
  };
  /** Content script → background: reasons and script for one badge, when its popover opens. */
  getBadgeDetails: { request: { crmId: string }; response: BadgeDetails | null };
  /** Content script → background: the user opened this customer (badge click). */
  focusCustomer: { request: { crmId: string }; response: null };
  /** Content script → background: open the side panel for this tab (user gesture). */
  openSidePanel: { request: { crmId: string }; response: null };
  /** Extension page → background: a customer in depth; without crmId, the last focused one. */
  getCustomerView: { request: { site?: SiteKey; crmId?: string }; response: CustomerView | null };
  /** Extension page → background: the model currently scoring customers. */
  getModelInfo: { request: Record<string, never>; response: ModelInfo | null };
  /** Extension page → background: tier thresholds on the churn probability. */
  getTierThresholds: { request: Record<string, never>; response: { thresholds: number[] } };
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  /** Marks our messages among anything else on the runtime channel. */
  channel: 'churn-radar';
  type: T;
  payload: RequestOf<T>;
}

export type ErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'storage' | 'internal';

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Background → extension pages (side panel, options): something changed, re-read it. */
export type BackgroundEvent =
  | { channel: 'churn-radar-event'; type: 'customer-updated'; site: SiteKey; crmId: string }
  | { channel: 'churn-radar-event'; type: 'focus-changed'; site: SiteKey; crmId: string }
  | { channel: 'churn-radar-event'; type: 'model-changed' };
