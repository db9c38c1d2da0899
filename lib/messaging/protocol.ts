/**
 * Every message between contexts, declared once. Requests are validated in the
 * background (lib/messaging/schemas.ts) before any handler sees them.
 * Types only here, so the content script bundle pays nothing for it.
 */
import type { Activity, BadgeDetails, BadgeScore, CustomerScore, CustomerSnapshot, PageKind, SiteKey, Tier } from '../domain';
import type { ChurnPattern, Classified, IndicatorValue, LifecycleStage } from '../indicators/types';
import type { SinceLastVisit } from '@/lib/indicators/customer-indicators';
import type { TrainingRowsView } from '@/lib/training/training-rows';
import type { allCommands } from './all-commands';
import type { ErrorCode, ProtocolOf, RejectedRow } from './commands';
import type { ActionView, FeedbackView, OverrideView, RiskValueQuadrant } from '@/lib/agent/agent-views';
import type { LostRows, StorageProblem } from '../settings';
import type { ExperimentProtocol } from '../experiments/messages';
import type { ControlHold } from '../experiments/outcomes';
import type { ModelArtifact, ModelMetrics } from '../model/types';
import type { CustomerRow } from '../db/schema';

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

/** How a stored model came to be in this browser. */
export type ModelOrigin = 'bundled' | 'trained' | 'imported';

/** A stored model as the model manager lists it (the artifact itself is fetched with getModel). */
export interface ModelSummary extends ModelInfo {
  active: boolean;
  origin: ModelOrigin;
  /** The model this one was trained to replace (version lineage), null for a first version. */
  parent: string | null;
  /** When it was stored in this browser (epoch ms). */
  addedAt: number;
  /** Distinct input columns (CSV columns / CRM fields / ind:* indicators). */
  inputs: string[];
  trainingHash: string;
  /** For an active model: the model a rollback would bring back (null: rollback just deactivates it). */
  rollbackTo: string | null;
  /** The sites it scores (assigned by a manager, or the sites its training data came from); [] = none. */
  sites: SiteKey[];
}

/** One change of the active set, newest last in the history. */
export interface ActivationEvent {
  at: number;
  action: 'activate' | 'rollback' | 'deactivate';
  /** The model put into service (null when a rollback only deactivated). */
  activated: string | null;
  /** The model taken out of service (null when nothing was replaced). */
  replaced: string | null;
}

export interface ModelList {
  models: ModelSummary[];
  /** Active model ids, most recently activated first (lib/model/choice.ts picks per customer). */
  activeIds: string[];
  /** What scores customers: the active models, or the starter scorecard when none is active. */
  inUse: 'models' | 'scorecard';
  history: ActivationEvent[];
}

/** Scorecard weights as the options page edits them (lib/model/scorecard.ts owns the rules). */
export interface ScorecardView {
  /** The scorecard currently configured (the manager's or the default). */
  scorecard: unknown;
  /** The default scorecard, for "reset". */
  defaults: unknown;
  /** True when no model is active, so the scorecard scores customers. */
  inUse: boolean;
}

export interface ScoreHistoryPoint {
  at: number;
  probability: number;
  tier: Tier;
}

/** The stored customer's identity and fields as the side panel shows them, with everything known about them. */
export interface CustomerView extends Pick<CustomerRow, 'site' | 'crmId' | 'name' | 'fields' | 'firstSeen' | 'lastSeen'> {
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
  /** Actions logged on this customer, newest first, with their outcomes. */
  actions: ActionView[];
  /** "Score looks wrong" flags, newest first. */
  feedback: FeedbackView[];
  /** A pinned tier in force, or null. */
  override: OverrideView | null;
  /** Monthly value when the CRM shows one. */
  value: number | null;
  owner: string | null;
  /** Risk × value quadrant; null without a value. */
  quadrant: RiskValueQuadrant | null;
  /** Where the customer's CRM page is. */
  url: string | null;
  /** In a running experiment's control group: no outreach until the hold's end (null: contact as usual). */
  control: ControlHold | null;
}

/** An activity as the side panel lists it (the stored one without its id). */
export type ActivityView = Omit<Activity, 'id'>;

interface StatusView {
  /** The last failure to save history, null when storage is healthy. */
  storageProblem: StorageProblem | null;
  /** History rows accepted and never saved, until the user dismisses the notice; null: none. */
  lostRows: LostRows | null;
  retentionDays: number;
}

/** The typed features' messages (lib/messaging/all-commands.ts). */
type CommandsProtocol = ProtocolOf<typeof allCommands>;

interface Protocol extends CommandsProtocol, ExperimentProtocol {
  /** Content script → background: customers on the page; answer with their scores. */
  scanPage: {
    request: { url: string; pageKind: PageKind; adapter: string; customers: CustomerSnapshot[]; today?: string; record?: false };
    /** rejected: the rows the background left out as invalid, by index in `customers` (absent when none); only those get no score. */
    response: { scores: BadgeScore[]; rejected?: RejectedRow[] };
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
  /** Extension page → background: the user has seen the "rows could not be saved" notice. */
  acknowledgeLostRows: { request: Record<string, never>; response: null };
  /** Extension page → background: every stored model, the active set and its history. */
  listModels: { request: Record<string, never>; response: ModelList };
  /** Extension page → background: one stored model in full (evaluation, comparison). */
  getModel: { request: { id: string }; response: { summary: ModelSummary; artifact: ModelArtifact } | null };
  /** Extension page → background: put a model into service; it replaces the active model whose inputs overlap it most. */
  activateModel: { request: { id: string }; response: ModelList };
  /** Extension page → background: take an active model out of service, bringing back the one it replaced. */
  rollbackModel: { request: { id: string }; response: ModelList };
  /** Extension page → background: store what the training worker produced (validated again here). */
  saveTrainedModel: { request: { artifact: unknown; parent?: string; sites?: SiteKey[] }; response: { summary: ModelSummary; alreadyStored: boolean } };
  /** Extension page → background: the sites a stored model scores (replaces its list). */
  assignModelSites: { request: { id: string; sites: SiteKey[] }; response: ModelList };
  /** Extension page → background: a model file's text; validated, stored if new. A bad file changes nothing. */
  importModel: { request: { text: string; fileName?: string }; response: { summary: ModelSummary; alreadyStored: boolean } };
  /** Extension page → background: a stored model as file text. */
  exportModel: { request: { id: string }; response: { fileName: string; text: string } };
  /** Extension page → background: remove a stored model that is not active. */
  deleteModel: { request: { id: string }; response: ModelList };
  /** Extension page → background: observed customers as labelled training rows. */
  getTrainingRows: { request: Record<string, never>; response: TrainingRowsView };
  /** Extension page → background: the starter scorecard's weights. */
  getScorecard: { request: Record<string, never>; response: ScorecardView };
  /** Extension page → background: save edited scorecard weights (null restores the default). */
  saveScorecard: { request: { scorecard: unknown }; response: ScorecardView };
}

export type { ErrorCode };
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  /** Marks our messages among anything else on the runtime channel. */
  channel: 'churn-radar';
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Background → extension pages (side panel, options): something changed, re-read it. */
export type BackgroundEvent =
  | { channel: 'churn-radar-event'; type: 'customer-updated'; site: SiteKey; crmId: string }
  | { channel: 'churn-radar-event'; type: 'focus-changed'; site: SiteKey; crmId: string }
  /** What the page in this tab shows changed (lib/focus/page-focus.ts): the side panel following it re-reads it. */
  | { channel: 'churn-radar-event'; type: 'page-focus-changed'; tabId: number }
  | { channel: 'churn-radar-event'; type: 'model-changed' }
  | { channel: 'churn-radar-event'; type: 'policy-changed' }
  | { channel: 'churn-radar-event'; type: 'playbook-changed' }
  | { channel: 'churn-radar-event'; type: 'experiments-changed' }
  | { channel: 'churn-radar-event'; type: 'sites-changed' }
  /** Saving history started or stopped failing, or rows were lost or the notice dismissed: banners re-read getStatus. */
  | { channel: 'churn-radar-event'; type: 'storage-changed' }
  | { channel: 'churn-radar-event'; type: 'health-changed'; site: SiteKey };
