/**
 * Managing the stored models (options → Models, the team policy): the list,
 * storing, activating, rolling back, assigning sites and deleting. Each change
 * of the active set is one transaction, then `invalidate` makes scoring
 * re-read it at the next use.
 */
import type { ChurnRadarDb } from '../db/db';
import type { ModelRow } from '../db/schema';
import type { SiteKey } from '../domain';
import type { ActivationEvent, ModelList, ModelOrigin, ModelSummary } from '../messaging/protocol';
import type { ModelArtifact } from '../model/types';
import { appendHistory, planActivation, planRollback } from './model-activation';
import { ModelManagementError } from './model-errors';
import { ACTIVATION_HISTORY_KEY, ACTIVE_MODELS_KEY, CATALOG_KEY, type ModelMeta } from './model-meta';
import type { ScorerCache } from './model-scorers';
import { activeRank, inputsOf, summaryOf } from './model-summary';

export interface ModelManagementDeps {
  db: ChurnRadarDb;
  meta: ModelMeta;
  scorers: ScorerCache;
  /** Installs bundled models not stored yet (bundled-models.ts). */
  installBundled: () => Promise<unknown>;
  parse: (json: unknown) => ModelArtifact;
  /** Whether something scores while no model is active (the list then says the scorecard is in use). */
  hasFallback: boolean;
  invalidate: () => void;
  now: () => number;
}

export function modelManagement(deps: ModelManagementDeps) {
  const { db, meta, now, invalidate } = deps;

  async function summaries(): Promise<ModelList> {
    await deps.installBundled();
    const [rows, ids, events, entries, bundledNames] = await Promise.all([
      db.models.toArray(),
      meta.activeIds(),
      meta.history(),
      meta.catalog(),
      meta.bundledNames(),
    ]);
    const present = new Set(rows.map((r) => r.id));
    const models = rows.map((row) => summaryOf(row, ids, events, entries[row.id], bundledNames, present));
    // Active first (in their order), then the newest stored first.
    models.sort((a, b) => activeRank(ids, a.id) - activeRank(ids, b.id) || b.addedAt - a.addedAt);
    const inUse = ids.some((id) => present.has(id)) || !deps.hasFallback ? 'models' : 'scorecard';
    return { models, activeIds: ids.filter((id) => present.has(id)), inUse, history: events };
  }

  async function requireRow(id: string): Promise<ModelRow> {
    await deps.installBundled();
    const row = await db.models.get(id);
    if (!row) throw new ModelManagementError('not-found', `No stored model has the id ${id}.`);
    return row;
  }

  /** Applies a change of the active set in one transaction, then reloads scorers at the next use. */
  async function changeActive(
    plan: (ids: string[], events: ActivationEvent[], rows: Map<string, ModelRow>) => { activeIds: string[]; event: ActivationEvent | null },
  ) {
    await deps.installBundled();
    await db.transaction('rw', db.models, db.meta, async () => {
      const ids = await meta.activeIds();
      const events = await meta.history();
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

  return {
    /** Every stored model, the active ids and the activation history. */
    list: summaries,

    async get(id: string): Promise<{ summary: ModelSummary; artifact: ModelArtifact } | null> {
      await deps.installBundled();
      const row = await db.models.get(id);
      if (!row) return null;
      const summary = (await summaries()).models.find((m) => m.id === id)!;
      return { summary, artifact: deps.parse(row.artifact) };
    },

    /** Stores a validated artifact (an unknown id is added; a known one is left as it is). */
    async store(artifact: ModelArtifact, origin: ModelOrigin, parent: string | null, sites: readonly SiteKey[] = []) {
      await deps.installBundled();
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
        const entries = await meta.catalog();
        entries[artifact.id] = { origin, parent: lineage && lineage !== artifact.id ? lineage : null, addedAt: now() };
        await db.meta.put({ key: CATALOG_KEY, value: entries });
      });
      const list = await summaries();
      return { summary: list.models.find((m) => m.id === artifact.id)!, alreadyStored };
    },

    /** Sets the sites a stored model scores (a manager's assignment). */
    async assignSites(id: string, sites: readonly SiteKey[]): Promise<ModelList> {
      await requireRow(id);
      await db.models.update(id, { sites: [...new Set(sites)] });
      invalidate();
      return summaries();
    },

    /** Puts a stored model into service in place of the active model whose inputs overlap it most. */
    async activate(id: string): Promise<ModelList> {
      const row = await requireRow(id);
      // Fails here, before anything changes, when the stored model cannot score.
      await deps.scorers.of(row);
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
      const ids = await meta.activeIds();
      if (!ids.includes(id)) throw new ModelManagementError('bad-request', 'This model is not active, so there is nothing to roll back.');
      return changeActive((active, events, rows) => planRollback(active, events, id, (other) => rows.has(other), now()));
    },

    /** Whether a model with this id is stored. */
    async has(id: string): Promise<boolean> {
      await deps.installBundled();
      return (await db.models.get(id)) !== undefined;
    },

    /** Removes a stored model that is not active. */
    async remove(id: string): Promise<ModelList> {
      await requireRow(id);
      if ((await meta.activeIds()).includes(id)) {
        throw new ModelManagementError('bad-request', 'This model is active: roll it back or activate another model first, then delete it.');
      }
      await db.transaction('rw', db.models, db.meta, async () => {
        await db.models.delete(id);
        const entries = await meta.catalog();
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
