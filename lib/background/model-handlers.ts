/**
 * Model management for the options page: list, inspect, activate, roll back,
 * store a trained model, import / export files, delete, the observed
 * customers as training rows, and the starter scorecard's weights.
 *
 * Every change emits `model-changed` so open side panels and options pages
 * re-read. Artifacts from pages and files go through parseModelArtifact (the
 * worker's output too: the page is not trusted to have validated it) and a
 * trial scorer before anything is stored, so a bad file changes nothing.
 */
import type { SiteKey } from '../domain';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnRadarDb } from '../db/db';
import type { IndicatorSettings } from '../indicators/types';
import type { BackgroundEvent, ModelOrigin, ScorecardView } from '../messaging/protocol';
import { parseModelArtifact } from '../model/artifact';
import { DEFAULT_SCORECARD, parseScorecard } from '../model/scorecard';
import { createScorer } from '../model/scorer';
import type { ModelArtifact, Scorer } from '../model/types';
import { observedTrainingRows } from '../training/observed';
import { observedCustomers } from '../training/observed-customers';
import type { CustomerStore } from './customer-store';
import { ModelManagementError } from './model-errors';
import type { ModelProvider } from './model-provider';
import { SCORECARD_KEY } from './stored-scorecard';
import { assertUnlocked } from './policy-service';
import { HandlerError, type Handlers } from './router';

interface ScorecardSupport {
  defaults: () => unknown;
  /** Validates edited weights; throws an Error whose message says what is wrong. */
  parse: (value: unknown) => unknown;
}

export interface ModelHandlerDeps {
  db: ChurnRadarDb;
  customers: Pick<CustomerStore, 'settled' | 'activitiesOf'>;
  models: ModelProvider;
  indicatorSettings: () => Promise<IndicatorSettings>;
  emit: (event: BackgroundEvent) => void;
  now: () => number;
  /** Default: the model engineer's starter scorecard (lib/model/scorecard.ts). */
  scorecard?: ScorecardSupport;
  /** The site's field mapping over the synonyms: training reads fields as scoring does. Absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
}

type ModelMessages =
  | 'listModels'
  | 'getModel'
  | 'activateModel'
  | 'rollbackModel'
  | 'saveTrainedModel'
  | 'assignModelSites'
  | 'importModel'
  | 'exportModel'
  | 'deleteModel'
  | 'getTrainingRows'
  | 'getScorecard'
  | 'saveScorecard';

const changed: BackgroundEvent = { channel: 'churn-radar-event', type: 'model-changed' };

/** A file name for a model: its name in lower-case words plus the first id digits. */
export function modelFileName(artifact: Pick<ModelArtifact, 'name' | 'id'>): string {
  const base =
    artifact.name
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'model';
  return `${base}-${artifact.id.slice(0, 8)}.churn-model.json`;
}

const STARTER_SCORECARD: ScorecardSupport = { defaults: () => DEFAULT_SCORECARD, parse: parseScorecard };

export function createModelHandlers(deps: ModelHandlerDeps): Pick<Handlers, ModelMessages> {
  const { models } = deps;
  const scorecard = deps.scorecard ?? STARTER_SCORECARD;

  /** Management errors keep their own code; everything else is the router's business. */
  async function managed<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ModelManagementError) throw new HandlerError(error.code, error.message);
      throw error;
    }
  }

  /** The artifact, validated and proven loadable; a problem becomes a bad-request naming it. */
  async function checked(json: unknown): Promise<ModelArtifact> {
    let artifact: ModelArtifact;
    try {
      artifact = parseModelArtifact(json);
    } catch (error) {
      throw new HandlerError('bad-request', (error as Error).message);
    }
    let scorer: Scorer | null = null;
    try {
      scorer = await createScorer(artifact);
    } catch (error) {
      throw new HandlerError('bad-request', `Invalid model file: the model cannot be loaded (${(error as Error).message})`);
    } finally {
      scorer?.dispose();
    }
    return artifact;
  }

  async function save(json: unknown, origin: ModelOrigin, parent: string | null, sites: readonly SiteKey[] = []) {
    const artifact = await checked(json);
    if (parent !== null && !(await models.has(parent))) parent = null;
    const result = await managed(() => models.store(artifact, origin, parent, sites));
    if (!result.alreadyStored) deps.emit(changed);
    return result;
  }

  async function scorecardView(): Promise<ScorecardView> {
    const support = scorecard;
    const stored = (await deps.db.meta.get(SCORECARD_KEY))?.value;
    let card = support.defaults();
    if (stored !== undefined) {
      try {
        card = support.parse(stored);
      } catch {
        // A stored scorecard this version cannot read: the default scores, and the page shows it.
      }
    }
    const list = await models.list();
    return { scorecard: card, defaults: support.defaults(), inUse: list.inUse === 'scorecard' };
  }

  return {
    listModels: () => models.list(),

    getModel: ({ id }) => models.get(id),

    async activateModel({ id }) {
      await assertUnlocked('model');
      const list = await managed(() => models.activate(id));
      deps.emit(changed);
      return list;
    },

    async rollbackModel({ id }) {
      await assertUnlocked('model');
      const list = await managed(() => models.rollback(id));
      deps.emit(changed);
      return list;
    },

    // Trained on observed customers: it scores their sites. From a CSV: no site until a manager assigns one.
    saveTrainedModel: ({ artifact, parent, sites }) => save(artifact, 'trained', parent ?? null, sites ?? []),

    async assignModelSites({ id, sites }) {
      await assertUnlocked('model');
      const list = await managed(() => models.assignSites(id, sites));
      deps.emit(changed);
      return list;
    },

    async importModel({ text }) {
      if (text.trim() === '') throw new HandlerError('bad-request', 'Invalid model file: the file is empty.');
      return save(text, 'imported', null);
    },

    async exportModel({ id }) {
      const artifact = await managed(() => models.artifactOf(id));
      return { fileName: modelFileName(artifact), text: `${JSON.stringify(artifact, null, 1)}\n` };
    },

    async deleteModel({ id }) {
      const list = await managed(() => models.remove(id));
      deps.emit(changed);
      return list;
    },

    async getTrainingRows() {
      const [customers, settings] = await Promise.all([observedCustomers(deps), deps.indicatorSettings()]);
      return observedTrainingRows(customers, settings, deps.now());
    },

    getScorecard: () => scorecardView(),

    async saveScorecard({ scorecard: edited }) {
      const support = scorecard;
      if (edited === null) {
        await deps.db.meta.delete(SCORECARD_KEY);
      } else {
        let parsed: unknown;
        try {
          parsed = support.parse(edited);
        } catch (error) {
          throw new HandlerError('bad-request', (error as Error).message);
        }
        await deps.db.meta.put({ key: SCORECARD_KEY, value: parsed });
      }
      models.invalidate();
      deps.emit(changed);
      return scorecardView();
    },
  };
}
