/**
 * The models that score: the stored models and the active ones, loaded once
 * per service-worker life and again after each change. Composes one file per
 * concern: the meta records (model-meta.ts), bundled models
 * (bundled-models.ts), live scorers (model-scorers.ts), management
 * (model-management.ts) and what the list shows (model-summary.ts).
 */
import type { ChurnRadarDb } from '../db/db';
import type { ModelRow } from '../db/schema';
import type { SiteKey } from '../domain';
import type { ModelInfo } from '../messaging/protocol';
import { chooseScorer, modelSources } from '../model/choice';
import type { ModelArtifact, RawRow, Scorer } from '../model/types';
import { bundledModels } from './bundled-models';
import { modelManagement } from './model-management';
import { modelMeta } from './model-meta';
import { scorerCache } from './model-scorers';
import { modelInfoOf } from './model-summary';
import type { SiteScoring, SiteStarter } from './site-starter';
import { storedScorecardScorer } from './stored-scorecard';

export interface ModelProviderDeps {
  db: ChurnRadarDb;
  /** The models bundled with the extension (trained on the demo CRM's history at build time). */
  loadBundled: () => Promise<unknown[]>;
  /** The bundle's index as text: unchanged since the last install, the bundled files are not read (see bundled-models.ts). */
  bundledIndex?: () => Promise<string>;
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

export function createModelProvider(deps: ModelProviderDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => Date.now());
  const fallback = deps.fallback === undefined ? () => storedScorecardScorer(db) : deps.fallback;
  const meta = modelMeta(db);
  const bundled = bundledModels({
    db,
    meta,
    loadBundled: deps.loadBundled,
    ...(deps.bundledIndex ? { bundledIndex: deps.bundledIndex } : {}),
    parse: deps.parse,
    now,
  });
  const scorers = scorerCache({ parse: deps.parse, createScorer: deps.createScorer, later: deps.later ?? ((task, ms) => void setTimeout(task, ms)) });
  let loading: Promise<Scorer[]> | null = null;
  const sources = new WeakMap<Scorer, string[]>();
  /** Sites of each active model, as of the last load. */
  let sitesById = new Map<string, readonly SiteKey[]>();
  const sourcesOf = (scorer: Scorer) => {
    let list = sources.get(scorer);
    if (!list) sources.set(scorer, (list = modelSources(scorer)));
    return list;
  };

  async function load(): Promise<Scorer[]> {
    const unstored = await bundled.install();
    // Not stored yet: this set is used once and read again (with another install attempt) at the next use.
    if (unstored.length) loading = null;
    const ids = [...(await meta.activeIds()), ...unstored.map((row) => row.id)];
    const rows = [...(await db.models.bulkGet(ids)).filter((row): row is ModelRow => !!row), ...unstored];
    const active = await Promise.all(rows.map(scorers.of));
    sitesById = new Map(rows.map((row) => [row.id, row.sites ?? []]));
    scorers.keepOnly(ids);
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
    ...modelManagement({ db, meta, scorers, installBundled: bundled.install, parse: deps.parse, hasFallback: !!fallback, invalidate, now }),
  };
}

export type ModelProvider = ReturnType<typeof createModelProvider>;
