/**
 * A fitted BG/NBD model as a model artifact (kind 'bgnbd') and a Scorer, so
 * a site's label-free score is chosen, shown and explained like any model.
 *
 * Probability: P(no order within the site's horizon) = dead, or alive and
 * quiet (bgnbd.ts probabilityNoPurchase), the product's own churn. Not
 * 1 − P(alive): a one-time buyer is "alive" by the model's construction, so
 * 1 − P(alive) ranks CDNOW's one-time buyers safest (ROC AUC 0.32 there)
 * while they churn most. With a Platt calibration (fitted on a site's
 * recorded outcomes) the log-odds are mapped through it.
 *
 * Explanation: exact Shapley values over three players, orders (x), silence
 * since the last order and age since the first, against the site's median
 * customer; they add up to logit(p) − logit(p of that customer).
 */
import type { Reason } from '@/lib/domain';
import { calibrate, contributionScale } from '../calibration';
import { sha256 } from '../hash';
import type { BgNbdSpec } from '../artifact-schema';
import type { FittedColumn, ModelArtifact, RawRow, Scorer } from '../types';
import { logOddsNoPurchase } from './bgnbd';
import { BGNBD_INPUTS, completeHistory, partialHistory, GAP_INPUT, ORDERS_INPUT, TENURE_INPUT, type PartialHistory } from './purchase-inputs';

const BGNBD_NAME = 'BG/NBD (buy till you die)';

export function bgnbdArtifact(spec: BgNbdSpec, options: { name?: string; createdAt?: string; source?: string } = {}): ModelArtifact {
  const columns: FittedColumn[] = BGNBD_INPUTS.map((name) => ({ name, kind: 'numeric', center: 0, scale: 1, missingIndicator: false, clip: 1e9 }));
  const names = columns.map((c) => c.name);
  return {
    format: 'churn-radar-model',
    formatVersion: 2,
    id: sha256(JSON.stringify({ format: 'churn-radar-model', kind: 'bgnbd', spec })),
    name: options.name ?? BGNBD_NAME,
    kind: 'bgnbd',
    createdAt: options.createdAt ?? new Date(0).toISOString(),
    trainedBy: 'BG/NBD fitted on the site’s customers (lib/model/btyd)',
    label: { column: 'churn', positive: 'yes' },
    preprocessor: { columns, featureNames: names, featureSource: names },
    baseline: names.map(() => 0),
    bgnbd: spec,
    metrics: {
      rows: spec.customers,
      positives: 0,
      features: names.length,
      folds: 0,
      roc_auc: 0,
      roc_auc_sd: 0,
      pr_auc: 0,
      pr_auc_sd: 0,
      brier: 0,
      train_seconds: 0,
    },
    trainingData: { hash: '', rows: spec.customers, source: options.source ?? 'purchase histories (no labels)' },
  };
}

/** The raw log-odds of churn over the horizon for orders x, silence s and age T. */
function logOdds(spec: BgNbdSpec, x: number, silence: number, T: number): number {
  const age = Math.max(T, silence);
  const history = { x, tx: x === 0 ? 0 : age - silence, T: age };
  return logOddsNoPurchase(spec.params, history, spec.horizonDays);
}

/** Which input carried each player's value, for the reason's field. */
function ageInput(row: RawRow, partial: PartialHistory): string | null {
  if (partial.x === 0) return null; // the age is the silence itself
  if (Object.hasOwn(row, GAP_INPUT) && row[GAP_INPUT] !== '' && row[GAP_INPUT] !== null) return GAP_INPUT;
  return Object.hasOwn(row, TENURE_INPUT) ? TENURE_INPUT : null;
}

export function createBgNbdScorer(artifact: ModelArtifact): Scorer {
  const spec = artifact.bgnbd;
  if (artifact.kind !== 'bgnbd' || !spec) throw new Error('not a BG/NBD model');
  const calibration = artifact.calibration;
  const scale = contributionScale(calibration);
  const typical = { x: spec.typical.x, silence: spec.typical.T - spec.typical.tx, T: spec.typical.T };
  let disposed = false;
  const alive = () => {
    if (disposed) throw new Error('this scorer has been disposed');
  };

  function score(row: RawRow): { z: number; partial: PartialHistory | null } {
    const partial = partialHistory(row);
    if (!partial) return { z: logOdds(spec!, typical.x, typical.silence, typical.T), partial };
    const h = completeHistory(partial, spec!.imputedT);
    return { z: logOdds(spec!, h.x, h.T - h.tx, h.T), partial };
  }

  function reasons(row: RawRow, partial: PartialHistory | null): Reason[] {
    if (!partial) return [];
    const h = completeHistory(partial, spec!.imputedT);
    const own = [h.x, h.T - h.tx, h.T];
    const base = [typical.x, typical.silence, typical.T];
    const f = (mask: number) => logOdds(spec!, ...([0, 1, 2].map((i) => (mask & (1 << i) ? own[i]! : base[i]!)) as [number, number, number]));
    // Exact Shapley values for 3 players: weights 1/3 (empty or full coalition of the others) and 1/6.
    const shapley = [0, 1, 2].map((i) => {
      let phi = 0;
      for (let mask = 0; mask < 8; mask++) {
        if (mask & (1 << i)) continue;
        const size = ((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1)) as 0 | 1 | 2;
        phi += (size === 1 ? 1 / 6 : 1 / 3) * (f(mask | (1 << i)) - f(mask));
      }
      return phi * scale;
    });
    const fields = [ORDERS_INPUT, partial.silenceInput, ageInput(row, partial)];
    const out: Reason[] = [];
    fields.forEach((field, i) => {
      if (field === null) return;
      const raw = row[field];
      out.push({ field, value: raw === undefined || raw === null || raw === '' ? null : String(raw), contribution: shapley[i]! });
    });
    return out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  }

  const probability = (z: number) => Math.fround(calibrate(calibration, z));
  return {
    artifact,
    accepts: (row) => partialHistory(row) !== null,
    predict(rows) {
      alive();
      return Float32Array.from(rows, (row) => probability(score(row).z));
    },
    explain(row) {
      alive();
      return reasons(row, partialHistory(row));
    },
    // The log-odds themselves: they still order customers whose probability rounds to 1.
    rankKeys(rows) {
      alive();
      return Float64Array.from(rows, (row) => score(row).z);
    },
    scoreAndExplain(rows) {
      alive();
      return rows.map((row) => {
        const { z, partial } = score(row);
        return { probability: probability(z), reasons: reasons(row, partial) };
      });
    },
    dispose() {
      disposed = true;
    },
  };
}
