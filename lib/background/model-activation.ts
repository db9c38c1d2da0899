/**
 * The active set of models and its history, as pure functions over ids and
 * input columns (the model provider stores the results).
 *
 * Rules:
 * - Activating a model puts it first (most recently activated first, see
 *   lib/model/choice.ts) and replaces the active model whose input columns
 *   overlap it most (Jaccard: shared / all distinct columns of the two; ties
 *   go to the earlier one in the list). With no overlap at all it replaces
 *   nothing: a Telco-columns model replaces the Telco model, not the
 *   shoppers model, which reads indicators.
 * - Each change is recorded: activating X in place of Y is
 *   { action: 'activate', activated: X, replaced: Y }.
 * - Rolling back an active model X re-activates the model X replaced when
 *   X was last *activated* (rollback events are skipped, so rolling back
 *   twice walks further back instead of toggling), in X's place. When X
 *   replaced nothing, or the model it replaced has been deleted, the
 *   rollback only deactivates X.
 */
import type { ActivationEvent } from '../messaging/protocol';

/** History kept in the database; older events are dropped. */
const ACTIVATION_HISTORY_LIMIT = 200;

export interface ModelInputs {
  id: string;
  /** Distinct input columns of the model. */
  inputs: readonly string[];
}

/** Jaccard overlap of two column lists: |A ∩ B| / |A ∪ B|, 0 when both are empty. */
export function inputOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const column of left) if (right.has(column)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The active model (by list order) whose inputs overlap the candidate's most; null when none overlaps. */
export function modelToReplace(active: readonly ModelInputs[], candidate: ModelInputs): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  for (const model of active) {
    if (model.id === candidate.id) continue;
    const overlap = inputOverlap(model.inputs, candidate.inputs);
    if (overlap > bestOverlap) {
      best = model.id;
      bestOverlap = overlap;
    }
  }
  return best;
}

export interface ActivationPlan {
  activeIds: string[];
  event: ActivationEvent | null;
}

/** The active ids after activating `candidate` (already first and active: no change, no event). */
export function planActivation(activeIds: readonly string[], active: readonly ModelInputs[], candidate: ModelInputs, at: number): ActivationPlan {
  if (activeIds[0] === candidate.id) return { activeIds: [...activeIds], event: null };
  const replaced = activeIds.includes(candidate.id) ? null : modelToReplace(active, candidate);
  const rest = activeIds.filter((id) => id !== candidate.id && id !== replaced);
  return { activeIds: [candidate.id, ...rest], event: { at, action: 'activate', activated: candidate.id, replaced } };
}

/** The model a rollback of `id` would bring back: what it replaced at its last activation (null: none). */
export function rollbackTarget(history: readonly ActivationEvent[], id: string): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i]!;
    if (event.action === 'activate' && event.activated === id) return event.replaced;
  }
  return null;
}

/**
 * The active ids after rolling back `id`; `exists` says whether a model is
 * still stored. Throws when `id` is not active.
 */
export function planRollback(
  activeIds: readonly string[],
  history: readonly ActivationEvent[],
  id: string,
  exists: (id: string) => boolean,
  at: number,
): ActivationPlan & { restored: string | null } {
  const position = activeIds.indexOf(id);
  if (position < 0) throw new RangeError(`model ${id} is not active`);
  const target = rollbackTarget(history, id);
  const restored = target !== null && exists(target) && !activeIds.includes(target) ? target : null;
  const next = [...activeIds];
  if (restored) next[position] = restored;
  else next.splice(position, 1);
  return {
    activeIds: next,
    restored,
    event: { at, action: restored ? 'rollback' : 'deactivate', activated: restored, replaced: id },
  };
}

/** History with `event` appended, trimmed to the newest `limit` events. */
export function appendHistory(history: readonly ActivationEvent[], event: ActivationEvent | null, limit = ACTIVATION_HISTORY_LIMIT): ActivationEvent[] {
  const next = event ? [...history, event] : [...history];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
