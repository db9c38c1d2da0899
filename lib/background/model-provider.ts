import type { ChurnRadarDb } from '../db/db';
import type { ModelRow } from '../db/schema';
import type { ActivationEvent, ModelInfo, ModelList, ModelOrigin, ModelSummary } from '../messaging/protocol';
import { chooseScorer, modelSources } from '../model/choice';
import { createScorecardScorer, DEFAULT_SCORECARD, parseScorecard } from '../model/scorecard';
import type { ModelArtifact, RawRow, Scorer } from '../model/types';
import { appendHistory, planActivation, planRollback, rollbackTarget } from './model-activation';
import type { SiteKey } from '../domain';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import { isStorageError } from '../db/storage-errors';
import type { SiteScoring, SiteStarter } from './site-starter';

/** v1 (one active model) kept its id here; read once and carried over to ACTIVE_MODELS_KEY. */
const LEGACY_ACTIVE_MODEL_KEY = 'activeModelId';
/** Active model ids, most recently activated first (see lib/model/choice.ts). */
const ACTIVE_MODELS_KEY = 'activeModelIds';
/** Names of bundled models already installed once: a manager who replaced one does not get it back on update. */
const BUNDLED_INSTALLED_KEY = 'bundledModelsInstalled';
/** ActivationEvent[]: every change of the active set, oldest first (for rollback and the history list). */
const ACTIVATION_HISTORY_KEY = 'modelActivationHistory';
/** Record<model id, CatalogEntry>: how each stored model arrived and which version it follows. */
const CATALOG_KEY = 'modelCatalog';
/** The manager's starter-scorecard weights (absent: DEFAULT_SCORECARD). */
export const SCORECARD_KEY = 'scorecard';
/** Scorers of models taken out of service are disposed this long after, so a scan in flight can finish. */
const DISPOSE_AFTER_MS = 30_000;

interface CatalogEntry {
  origin: ModelOrigin;
  parent: string | null;
  addedAt: number;
}

/** A model-management request that cannot be done; the message is for the manager. */
export class ModelManagementError extends Error {
  override name = 'ModelManagementError';
  constructor(
    readonly code: 'not-found' | 'bad-request',
    message: string,
  ) {
    super(message);
  }
}

export interface ModelProviderDeps {
  db: ChurnRadarDb;
  /** The models bundled with the extension (trained on the demo CRM's history at build time). */
  loadBundled: () => Promise<unknown[]>;
  parse: (json: unknown) => ModelArtifact;
  createScorer: (artifact: ModelArtifact) => Promise<Scorer>;
  /**
   * What scores customers while no model is active. Default: the starter
   * scorecard with the weights stored under SCORECARD_KEY; null: nothing
   * (scoring then asks for a model).
   */
  fallback?: (() => Promise<Scorer | null>) | null;
  /**
   * The label-free first score of a site no active model is assigned to
   * (lib/background/site-starter.ts); absent: such a site gets the fallback.
   */
  starter?: Pick<SiteStarter, 'scoringFor' | 'observe' | 'invalidate'>;
  now?: () => number;
  /** Timer for disposing replaced scorers (tests pass a fake). */
  later?: (task: () => void, ms: number) => void;
}

function modelInfoOf(artifact: ModelArtifact): ModelInfo {
  return {
    id: artifact.id,
    name: artifact.name,
    kind: artifact.kind,
    createdAt: artifact.createdAt,
    trainedBy: artifact.trainedBy,
    label: artifact.label,
    trainingRows: artifact.trainingData.rows,
    trainingSource: artifact.trainingData.source,
    features: artifact.preprocessor.featureNames.length,
    metrics: artifact.metrics,
  };
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function inputsOf(artifact: ModelArtifact): string[] {
  return [...new Set(artifact.preprocessor.featureSource)];
}

/**
 * The stored models and the active ones, loaded once per service-worker life
 * and again after each change. Bundled models are installed and activated the
 * first time each one is seen.
 */
export function createModelProvider(deps: ModelProviderDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const later = deps.later ?? ((task, ms) => void setTimeout(task, ms));
  const fallback = deps.fallback === undefined ? () => storedScorecardScorer(db) : deps.fallback;
  let loading: Promise<Scorer[]> | null = null;
  /** Live scorers by model id, reused across reloads. */
  const scorers = new Map<string, Promise<Scorer>>();
  const sources = new WeakMap<Scorer, string[]>();
  /** Sites of each active model, as of the last load. */
  let sitesById = new Map<string, readonly SiteKey[]>();
  const sourcesOf = (scorer: Scorer) => {
    let list = sources.get(scorer);
    if (!list) sources.set(scorer, (list = modelSources(scorer)));
    return list;
  };

  async function activeIds(): Promise<string[]> {
    const row = await db.meta.get(ACTIVE_MODELS_KEY);
    if (row) return stringList(row.value);
    const legacy = (await db.meta.get(LEGACY_ACTIVE_MODEL_KEY))?.value;
    return typeof legacy === 'string' ? [legacy] : [];
  }

  async function history(): Promise<ActivationEvent[]> {
    const value = (await db.meta.get(ACTIVATION_HISTORY_KEY))?.value;
    return Array.isArray(value) ? (value as ActivationEvent[]) : [];
  }

  async function catalog(): Promise<Record<string, CatalogEntry>> {
    const value = (await db.meta.get(CATALOG_KEY))?.value;
    return value && typeof value === 'object' ? (value as Record<string, CatalogEntry>) : {};
  }

  /**
   * Stores the bundled models not installed yet. Resolves to the rows it could
   * not store because storage failed (a full disk, a blocked database): they
   * serve from memory meanwhile, so a disk that is full before the first page
   * is read still gives badges (before, every scan failed and the page showed
   * only "failed"), and the install is tried again at the next use.
   */
  async function installBundled(): Promise<ModelRow[]> {
    const installed = new Set(stringList((await db.meta.get(BUNDLED_INSTALLED_KEY))?.value));
    const raw = await deps.loadBundled();
    const fresh = raw.map(deps.parse).filter((artifact) => !installed.has(artifact.name));
    if (!fresh.length) return [];
    const rowOf = (artifact: ModelArtifact): ModelRow => ({
      id: artifact.id,
      createdAt: artifact.createdAt,
      importedAt: now(),
      artifact,
      sites: [DEMO_CRM_ORIGIN],
    });
    try {
      await storeBundled(fresh, installed, rowOf);
      return [];
    } catch (error) {
      if (!isStorageError(error)) throw error;
      console.warn('[churn-radar] bundled models serve from memory until storage works again', error);
      return fresh.map(rowOf);
    }
  }

  async function storeBundled(fresh: ModelArtifact[], installed: Set<string>, rowOf: (artifact: ModelArtifact) => ModelRow): Promise<void> {
    await db.transaction('rw', db.models, db.meta, async () => {
      const ids = await activeIds();
      const entries = await catalog();
      for (const artifact of fresh) {
        // Trained on the demo CRM's export: they score the demo CRM, and another site only when a manager assigns them.
        await db.models.put(rowOf(artifact));
        if (!ids.includes(artifact.id)) ids.push(artifact.id);
        entries[artifact.id] ??= { origin: 'bundled', parent: null, addedAt: now() };
        installed.add(artifact.name);
      }
      await db.meta.put({ key: ACTIVE_MODELS_KEY, value: ids });
      await db.meta.put({ key: BUNDLED_INSTALLED_KEY, value: [...installed] });
      await db.meta.put({ key: CATALOG_KEY, value: entries });
    });
  }

  function scorerOf(row: ModelRow): Promise<Scorer> {
    let scorer = scorers.get(row.id);
    if (!scorer) {
      scorer = Promise.resolve()
        .then(() => deps.createScorer(deps.parse(row.artifact)))
        .catch((error: unknown) => {
          scorers.delete(row.id);
          throw error;
        });
      scorers.set(row.id, scorer);
    }
    return scorer;
  }

  async function load(): Promise<Scorer[]> {
    const unstored = await installBundled();
    // Not stored yet: this set is used once and read again (with another install attempt) at the next use.
    if (unstored.length) loading = null;
    const ids = [...(await activeIds()), ...unstored.map((row) => row.id)];
    const rows = [...(await db.models.bulkGet(ids)).filter((row): row is ModelRow => !!row), ...unstored];
    const active = await Promise.all(rows.map(scorerOf));
    sitesById = new Map(rows.map((row) => [row.id, row.sites ?? []]));
    // Scorers of models no longer active go after a grace period (an in-flight scan may hold one).
    for (const [id, scorer] of scorers) {
      if (ids.includes(id)) continue;
      scorers.delete(id);
      later(
        () =>
          void scorer.then(
            (s) => s.dispose(),
            () => undefined,
          ),
        DISPOSE_AFTER_MS,
      );
    }
    if (active.length === 0 && fallback) {
      const scorer = await fallback();
      if (scorer) return [scorer];
    }
    return active;
  }

  function actives(): Promise<Scorer[]> {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  /**
   * How a site is scored: the active models assigned to it; else its
   * label-free first score (the starter); else the fallback scorecard.
   */
  async function scoringFor(site: SiteKey): Promise<SiteScoring> {
    const active = await actives();
    const assigned = active.filter((scorer) => sitesById.get(scorer.artifact.id)?.includes(site));
    if (assigned.length) return { scorers: assigned, thresholds: null, ranking: false };
    if (deps.starter) return deps.starter.scoringFor(site);
    const scorer = fallback ? await fallback() : null;
    return { scorers: scorer ? [scorer] : [], thresholds: null, ranking: false };
  }

  /** Re-read the active set at the next use (after a change, or a new scorecard). */
  function invalidate(): void {
    loading = null;
    deps.starter?.invalidate();
  }

  async function summaries(): Promise<ModelList> {
    await installBundled();
    const [rows, ids, events, entries] = await Promise.all([db.models.toArray(), activeIds(), history(), catalog()]);
    const bundledNames = new Set(stringList((await db.meta.get(BUNDLED_INSTALLED_KEY))?.value));
    const present = new Set(rows.map((r) => r.id));
    const models = rows.map((row) => summaryOf(row, ids, events, entries[row.id], bundledNames, present));
    // Active first (in their order), then the newest stored first.
    models.sort((a, b) => rank(ids, a.id) - rank(ids, b.id) || b.addedAt - a.addedAt);
    const inUse = ids.some((id) => present.has(id)) || !fallback ? 'models' : 'scorecard';
    return { models, activeIds: ids.filter((id) => present.has(id)), inUse, history: events };
  }

  async function requireRow(id: string): Promise<ModelRow> {
    await installBundled();
    const row = await db.models.get(id);
    if (!row) throw new ModelManagementError('not-found', `No stored model has the id ${id}.`);
    return row;
  }

  /** Applies a change of the active set in one transaction, then reloads scorers at the next use. */
  async function changeActive(
    plan: (ids: string[], events: ActivationEvent[], rows: Map<string, ModelRow>) => { activeIds: string[]; event: ActivationEvent | null },
  ) {
    await installBundled();
    await db.transaction('rw', db.models, db.meta, async () => {
      const ids = await activeIds();
      const events = await history();
      const rows = new Map((await db.models.toArray()).map((r) => [r.id, r]));
      const result = plan(
        ids.filter((id) => rows.has(id)),
        events,
        rows,
      );
      await db.meta.put({ key: ACTIVE_MODELS_KEY, value: result.activeIds });
      await db.meta.put({ key: ACTIVATION_HISTORY_KEY, value: appendHistory(events, result.event) });
    });
    invalidate();
    return summaries();
  }

  async function store(artifact: ModelArtifact, origin: ModelOrigin, parent: string | null, sites: readonly SiteKey[] = []) {
    await installBundled();
    let alreadyStored = false;
    await db.transaction('rw', db.models, db.meta, async () => {
      if (await db.models.get(artifact.id)) {
        alreadyStored = true;
        return;
      }
      const lineage = parent ?? artifact.parent ?? null;
      // Only the sites its training rows came from (observed customers): a model trained from a file or
      // imported scores no site until a manager assigns it, not even its previous version's (a CSV says
      // nothing of where its rows were read, and a label column's name is no proof of the same site).
      await db.models.put({ id: artifact.id, createdAt: artifact.createdAt, importedAt: now(), artifact, sites: [...new Set(sites)] });
      const entries = await catalog();
      entries[artifact.id] = { origin, parent: lineage && lineage !== artifact.id ? lineage : null, addedAt: now() };
      await db.meta.put({ key: CATALOG_KEY, value: entries });
    });
    const list = await summaries();
    return { summary: list.models.find((m) => m.id === artifact.id)!, alreadyStored };
  }

  return {
    /** The active models (or the fallback scorecard when none is); a failed load is rethrown, and the next call tries again. */
    actives,
    scoringFor,

    /**
     * A page's customers' inputs for a site's label-free model (it pools them
     * and refits when the site has grown); the updated scoring, or null when
     * models are assigned to the site (nothing to learn).
     */
    async observe(site: SiteKey, inputs: readonly { crmId: string; inputs: RawRow }[]): Promise<SiteScoring | null> {
      if (!deps.starter) return null;
      await actives();
      const assigned = [...sitesById.values()].some((sites) => sites.includes(site));
      return assigned ? null : deps.starter.observe(site, inputs);
    },

    /** Sets the sites a stored model scores (a manager's assignment). */
    async assignSites(id: string, sites: readonly SiteKey[]): Promise<ModelList> {
      await requireRow(id);
      await db.models.update(id, { sites: [...new Set(sites)] });
      invalidate();
      return summaries();
    },

    /** The first active model (null when none is installed). */
    async active(): Promise<Scorer | null> {
      return (await actives())[0] ?? null;
    },
    invalidate,
    /** A model's distinct input columns (cached per scorer). */
    sourcesOf,
    /** The model that scores this row among `scorers` (see lib/model/choice.ts). */
    scorerFor(scorers: readonly Scorer[], row: RawRow): Scorer | undefined {
      return chooseScorer(scorers, row, sourcesOf);
    },
    async info(): Promise<ModelInfo | null> {
      const scorer = await this.active();
      return scorer ? modelInfoOf(scorer.artifact) : null;
    },
    async infos(): Promise<ModelInfo[]> {
      return (await actives()).map((scorer) => modelInfoOf(scorer.artifact));
    },

    /** Every stored model, the active ids and the activation history. */
    list: summaries,

    async get(id: string): Promise<{ summary: ModelSummary; artifact: ModelArtifact } | null> {
      await installBundled();
      const row = await db.models.get(id);
      if (!row) return null;
      const summary = (await summaries()).models.find((m) => m.id === id)!;
      return { summary, artifact: deps.parse(row.artifact) };
    },

    /** Puts a stored model into service in place of the active model whose inputs overlap it most. */
    async activate(id: string): Promise<ModelList> {
      const row = await requireRow(id);
      // Fails here, before anything changes, when the stored model cannot score.
      await scorerOf(row);
      // It replaces only a model scoring one of its sites: a shop's model does not take the demo CRM's out of service.
      const shares = (other: ModelRow) => (other.sites ?? []).some((site) => row.sites?.includes(site));
      return changeActive((ids, _events, rows) =>
        planActivation(
          ids,
          ids.filter((active) => shares(rows.get(active)!)).map((active) => ({ id: active, inputs: inputsOf(rows.get(active)!.artifact) })),
          { id, inputs: inputsOf(row.artifact) },
          now(),
        ),
      );
    },

    /** Takes an active model out of service and brings back the one it replaced. */
    async rollback(id: string): Promise<ModelList> {
      await requireRow(id);
      const ids = await activeIds();
      if (!ids.includes(id)) throw new ModelManagementError('bad-request', 'This model is not active, so there is nothing to roll back.');
      return changeActive((active, events, rows) => planRollback(active, events, id, (other) => rows.has(other), now()));
    },

    /** Stores a validated artifact (an unknown id is added; a known one is left as it is). */
    store,

    /** Whether a model with this id is stored. */
    async has(id: string): Promise<boolean> {
      await installBundled();
      return (await db.models.get(id)) !== undefined;
    },

    /** Removes a stored model that is not active. */
    async remove(id: string): Promise<ModelList> {
      await requireRow(id);
      if ((await activeIds()).includes(id)) {
        throw new ModelManagementError('bad-request', 'This model is active: roll it back or activate another model first, then delete it.');
      }
      await db.transaction('rw', db.models, db.meta, async () => {
        await db.models.delete(id);
        const entries = await catalog();
        delete entries[id];
        await db.meta.put({ key: CATALOG_KEY, value: entries });
      });
      return summaries();
    },

    /** The stored artifact, exactly as a model file holds it. */
    async artifactOf(id: string): Promise<ModelArtifact> {
      return deps.parse((await requireRow(id)).artifact);
    },
  };
}

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

function rank(ids: readonly string[], id: string): number {
  const i = ids.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

function summaryOf(
  row: ModelRow,
  activeIds: readonly string[],
  events: readonly ActivationEvent[],
  entry: CatalogEntry | undefined,
  bundledNames: ReadonlySet<string>,
  present: ReadonlySet<string>,
): ModelSummary {
  const active = activeIds.includes(row.id);
  const target = active ? rollbackTarget(events, row.id) : null;
  return {
    ...modelInfoOf(row.artifact),
    active,
    // Models stored before the catalog existed: bundled ones are known by name.
    origin: entry?.origin ?? (bundledNames.has(row.artifact.name) ? 'bundled' : 'imported'),
    parent: entry?.parent ?? row.artifact.parent ?? null,
    addedAt: entry?.addedAt ?? row.importedAt,
    inputs: inputsOf(row.artifact),
    trainingHash: row.artifact.trainingData.hash,
    sites: row.sites ?? [],
    rollbackTo: target !== null && present.has(target) && !activeIds.includes(target) ? target : null,
  };
}

export type ModelProvider = ReturnType<typeof createModelProvider>;
