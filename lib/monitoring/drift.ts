/**
 * Drift: the PSI of the score distribution and of each model input between
 * the model's training profile (lib/model/profile.ts) and recent customers
 * (the last DRIFT_WINDOW_DAYS; the background picks them).
 *
 * A model stored before profiles existed has none: its score reference is
 * then its out-of-fold sample (evaluation.oof, the same probabilities a
 * profile would bin), and its inputs are not compared (said so in the view).
 * Fewer than MIN_RECENT recent customers: no figure (a PSI over a handful of
 * customers is noise: its expected value under no drift is ≈ (bins − 1) / n).
 * An input missing for UNREAD_SHARE or more of the recent customers (and not
 * mostly missing in training) is listed as "not read on the CRM pages", not
 * as drift: a list page that shows five of twenty fields would otherwise
 * name fifteen inputs every day, and that is a mapping question (Sites →
 * field mapping), not a change in the customers.
 */
import { quantileEdges, inputCounts, scoreCounts, sharesOf } from '@/lib/model/profile';
import type { TrainingProfile } from '@/lib/model/profile-schema';
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { psi, psiLevel, type PsiLevel } from './psi';

export const DRIFT_WINDOW_DAYS = 30;
export const MIN_RECENT = 100;
const UNREAD_SHARE = 0.95;

interface PsiFigure {
  psi: number;
  level: PsiLevel;
}

interface InputDrift extends PsiFigure {
  source: string;
  /** Missing for UNREAD_SHARE or more of the recent customers (not drift: not shown on the pages read). */
  unread: boolean;
  /** Bins with their training and recent shares, for the detail view (numeric: upper edges; categorical: levels). */
  bins: { bin: string; training: number; recent: number }[];
}

export interface DriftReport {
  /** Recent customers compared (scores) and how many of them had their inputs read. */
  recent: number;
  inputsRead: number;
  /** Null when too few recent customers. */
  score: PsiFigure | null;
  /** Largest PSI first; empty without a profile or with too few recent rows. */
  inputs: InputDrift[];
  /** Where the reference came from. */
  reference: 'profile' | 'oof' | 'none';
  /** Inputs at level "drift", largest first (unread inputs excluded). */
  drifting: string[];
  /** Inputs (almost) never present on the recent customers' pages. */
  unread: string[];
  warning: boolean;
}

/** The score reference of a model: its profile's bins, else bins of its out-of-fold sample, else none. */
export function scoreReference(artifact: Pick<ModelArtifact, 'profile' | 'evaluation'>): { edges: number[]; shares: number[]; from: 'profile' | 'oof' } | null {
  if (artifact.profile) return { ...artifact.profile.score, from: 'profile' };
  const oof = artifact.evaluation?.oof.p;
  if (!oof?.length) return null;
  const edges = quantileEdges([...oof].sort((a, b) => a - b));
  return { edges, shares: sharesOf(scoreCounts(edges, oof)), from: 'oof' };
}

const figure = (value: number): PsiFigure => ({ psi: value, level: psiLevel(value) });

function binNames(input: TrainingProfile['inputs'][number]): string[] {
  if (input.kind === 'binary') return ['no', 'yes', 'missing'];
  if (input.kind === 'categorical') return [...input.levels, 'other', 'missing'];
  return [...input.edges.map((e) => `≤ ${Number(e.toPrecision(4))}`), `> ${Number((input.edges[input.edges.length - 1] ?? 0).toPrecision(4))}`, 'missing'];
}

export function driftReport(
  artifact: Pick<ModelArtifact, 'profile' | 'evaluation'>,
  recentScores: ArrayLike<number>,
  recentInputs: readonly RawRow[],
): DriftReport {
  const reference = scoreReference(artifact);
  const enough = recentScores.length >= MIN_RECENT;
  const score = reference && enough ? figure(psi(reference.shares, scoreCounts(reference.edges, recentScores))) : null;
  const inputs: InputDrift[] = [];
  if (artifact.profile && recentInputs.length >= MIN_RECENT) {
    for (const input of artifact.profile.inputs) {
      const recent = sharesOf(inputCounts(input, recentInputs));
      const names = binNames(input);
      const missing = input.shares.length - 1;
      inputs.push({
        source: input.source,
        unread: recent[missing]! >= UNREAD_SHARE && input.shares[missing]! < UNREAD_SHARE,
        ...figure(psi(input.shares, recent)),
        bins: input.shares.map((training, i) => ({ bin: names[i] ?? String(i), training, recent: recent[i]! })),
      });
    }
    // Read inputs first, largest PSI first; unread ones after them.
    inputs.sort((a, b) => Number(a.unread) - Number(b.unread) || b.psi - a.psi);
  }
  const drifting = inputs.filter((i) => i.level === 'drift' && !i.unread).map((i) => i.source);
  return {
    recent: recentScores.length,
    inputsRead: recentInputs.length,
    score,
    inputs,
    reference: reference?.from ?? 'none',
    drifting,
    unread: inputs.filter((i) => i.unread).map((i) => i.source),
    warning: score?.level === 'drift' || drifting.length > 0,
  };
}
