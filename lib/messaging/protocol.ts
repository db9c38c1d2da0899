/**
 * Every message between contexts, declared once. Requests are validated in the
 * background (lib/messaging/schemas.ts) before any handler sees them.
 * Types only here, so the content script bundle pays nothing for it.
 */
import type { ActivityKind, BadgeDetails, BadgeScore, CustomerScore, CustomerSnapshot, PageKind, SiteKey, Tier } from '../domain';
import type { ChurnPattern, Classified, IndicatorValue, LifecycleStage } from '../indicators/types';
import type { SinceLastVisit } from '../background/indicator-service';
import type { StorageProblem } from '../settings';
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
  /** Indicators computed from what has been seen so far: every catalogue indicator, null value = not available. */
  indicators: IndicatorValue[];
  lifecycle: Classified<LifecycleStage>;
  pattern: Classified<ChurnPattern>;
  /** What changed since the agent's previous visit (null on a first visit). */
  sinceLastVisit: SinceLastVisit | null;
  /** The most recent activities the CRM pages showed, newest first. */
  activities: ActivityView[];
  /** The CRM's own "today" for this customer when its pages declare one (epoch ms). */
  asOf: number | null;
}

export interface ActivityView {
  kind: ActivityKind;
  at: number;
  amount?: number;
  quantity?: number;
  status?: string;
  text?: string;
}

export interface StatusView {
  /** The last failure to save history, null when storage is healthy. */
  storageProblem: StorageProblem | null;
  retentionDays: number;
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
  /** Extension page → background: storage health and data settings, for banners and options. */
  getStatus: { request: Record<string, never>; response: StatusView };
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
