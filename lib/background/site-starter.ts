/**
 * The first score of a site no model is assigned to: label-free, from what
 * the site shows.
 *
 * - Customers with a purchase history (orders, last order or last seen, and
 *   first order when shown) are scored by BG/NBD fitted on the site's own
 *   customers (lib/model/btyd); the others by the starter scorecard.
 * - The probability is P(no order within the site's churn horizon: the churn
 *   definition's inactivity days), a ranking, not a calibrated probability;
 *   so the tiers are within-site quantiles (lib/risk/starter-tiers.ts) over
 *   every known customer of the site, whichever of the two scored them.
 * - Once agents have recorded enough outcomes on the site (canCalibrate), the
 *   scores are Platt-calibrated on them and the manager's thresholds apply.
 *
 * The site's customers' model inputs are pooled in memory (loaded from the
 * database at first use, then updated with each page scored) and the model
 * is refitted when the pool has grown by REFIT_GROWTH (any growth below
 * REFIT_ALWAYS_BELOW customers, where a fit is cheap), or is older than
 * REFIT_AFTER_MS.
 */
import type { SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { customerKey } from '../db/customer-key';
import { latestOutcomes } from '../db/customer-lookups';
import type { FieldResolver } from '../fields/field-resolver';
import { computeIndicators } from '../indicators';
import type { IndicatorSettings } from '../indicators/types';
import { bgnbdArtifact, createBgNbdScorer } from '../model/btyd/bgnbd-scorer';
import { fitSite } from '../model/btyd/site-fit';
import { fitPlatt } from '../model/calibration';
import { chooseScorer, modelSources } from '../model/choice';
import { rankKeysOf } from '../model/rank-keys';
import { logitOf, recalibrated } from '../model/recalibrate';
import type { RawRow, Scorer } from '../model/types';
import { thresholdsFromShares } from '../risk/quantiles';
import { canCalibrate, MIN_SCORES_FOR_QUANTILES, STARTER_TIER_SHARES } from '../risk/starter-tiers';
import { DEFAULT_TIER_THRESHOLDS } from '../risk/tiers';
import { customerHistory, modelInputs } from '../indicators/customer-indicators';

const REFIT_GROWTH = 0.1;
export const REFIT_ALWAYS_BELOW = 500;
export const REFIT_AFTER_MS = 24 * 60 * 60 * 1000;
/** Horizon when the churn definition has no inactivity rule. */
const DEFAULT_HORIZON_DAYS = 180;

/** How a site is scored: its scorers, and the tiers' thresholds when they are the site's own. */
export interface SiteScoring {
  scorers: Scorer[];
  /** Within-site quantile thresholds; null: the manager's thresholds apply. */
  thresholds: number[] | null;
  /** True while the probabilities are a within-site ranking, not yet calibrated. */
  ranking: boolean;
  /**
   * While ranking: the site's customers' rank keys (log-odds, lib/model/rank-keys.ts),
   * ascending; a score's place among them is its percentile and tier. Absent
   * below MIN_SCORES_FOR_QUANTILES customers (then the thresholds tier them).
   */
  population?: Float64Array;
}

export interface StarterPlan extends SiteScoring {
  /** Customers BG/NBD was fitted on (0: none had a purchase history). */
  fittedOn: number;
  calibratedOn: number;
}

/** Pure: the scorers and tiers for a site from its customers' inputs and recorded outcomes. */
export function planStarter(
  inputs: ReadonlyMap<string, RawRow>,
  outcomes: ReadonlyMap<string, 'retained' | 'churned'>,
  horizonDays: number,
  scorecard: Scorer,
  createdAt: string,
): StarterPlan {
  const rows = [...inputs.values()];
  const fit = fitSite(rows, horizonDays);
  const scorers: Scorer[] = fit ? [createBgNbdScorer(bgnbdArtifact(fit.spec, { createdAt })), scorecard] : [scorecard];
  const scorerOf = (row: RawRow) => chooseScorer(scorers, row, modelSources)!;
  const probabilityOf = (row: RawRow) => scorerOf(row).predict([row])[0]!;
  const keyOf = (row: RawRow) => rankKeysOf(scorerOf(row), [row], [probabilityOf(row)])[0]!;

  const z: number[] = [];
  const y: number[] = [];
  for (const [crmId, outcome] of outcomes) {
    const row = inputs.get(crmId);
    if (!row) continue;
    z.push(logitOf(probabilityOf(row)));
    y.push(outcome === 'churned' ? 1 : 0);
  }
  const churned = y.filter((v) => v === 1).length;
  if (canCalibrate(churned, y.length - churned)) {
    const platt = fitPlatt(z, y);
    return {
      scorers: scorers.map((s) => recalibrated(s, platt)),
      thresholds: null,
      ranking: false,
      fittedOn: fit?.spec.customers ?? 0,
      calibratedOn: y.length,
    };
  }
  // Too few customers to rank against: the default thresholds, and no percentile.
  if (rows.length < MIN_SCORES_FOR_QUANTILES)
    return { scorers, thresholds: [...DEFAULT_TIER_THRESHOLDS], ranking: true, fittedOn: fit?.spec.customers ?? 0, calibratedOn: 0 };
  const thresholds = thresholdsFromShares(rows.map(probabilityOf), STARTER_TIER_SHARES, DEFAULT_TIER_THRESHOLDS);
  return { scorers, thresholds, ranking: true, population: Float64Array.from(rows, keyOf).sort(), fittedOn: fit?.spec.customers ?? 0, calibratedOn: 0 };
}

export function needsRefit(fittedCount: number, poolCount: number, fittedAt: number, now: number): boolean {
  if (poolCount === fittedCount) return now - fittedAt > REFIT_AFTER_MS;
  if (poolCount < REFIT_ALWAYS_BELOW) return true;
  return Math.abs(poolCount - fittedCount) >= REFIT_GROWTH * Math.max(1, fittedCount) || now - fittedAt > REFIT_AFTER_MS;
}

export interface SiteStarterDeps {
  db: ChurnRadarDb;
  indicatorSettings: () => Promise<IndicatorSettings>;
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  /** The starter scorecard (the manager's weights). */
  scorecard: () => Promise<Scorer>;
  now: () => number;
}

interface SiteState {
  pool: Map<string, RawRow>;
  plan: Promise<StarterPlan> | null;
  fittedCount: number;
  fittedAt: number;
}

export function createSiteStarter(deps: SiteStarterDeps) {
  const sites = new Map<SiteKey, Promise<SiteState>>();

  async function loadPool(site: SiteKey): Promise<Map<string, RawRow>> {
    const [rows, settings, resolver] = await Promise.all([
      deps.db.customers.where('site').equals(site).toArray(),
      deps.indicatorSettings(),
      deps.fieldResolver?.(site),
    ]);
    const now = deps.now();
    const pool = new Map<string, RawRow>();
    for (const row of rows) {
      const activities = row.activityCount
        ? await deps.db.activities.where('[site+crmId+at]').between([site, row.crmId, -Infinity], [site, row.crmId, Infinity]).toArray()
        : [];
      pool.set(row.crmId, modelInputs(row, computeIndicators(customerHistory(row, activities, now, [], resolver), settings), resolver));
    }
    return pool;
  }

  function stateOf(site: SiteKey): Promise<SiteState> {
    let state = sites.get(site);
    if (!state) {
      state = loadPool(site).then((pool) => ({ pool, plan: null, fittedCount: -1, fittedAt: 0 }));
      state.catch(() => sites.delete(site));
      sites.set(site, state);
    }
    return state;
  }

  async function plan(site: SiteKey, state: SiteState): Promise<StarterPlan> {
    const now = deps.now();
    if (state.plan && !needsRefit(state.fittedCount, state.pool.size, state.fittedAt, now)) return state.plan;
    state.fittedCount = state.pool.size;
    state.fittedAt = now;
    const pool = new Map(state.pool);
    state.plan = (async () => {
      const [settings, scorecard, actions] = await Promise.all([
        deps.indicatorSettings(),
        deps.scorecard(),
        deps.db.actions.where('site').equals(site).toArray(),
      ]);
      const outcomes = new Map<string, 'retained' | 'churned'>();
      for (const [key, outcome] of latestOutcomes(actions)) outcomes.set(key.slice(customerKey(site, '').length), outcome.kind);
      const horizon = settings.churn.inactivityDays ?? DEFAULT_HORIZON_DAYS;
      return planStarter(pool, outcomes, horizon, scorecard, new Date(now).toISOString());
    })();
    state.plan.catch(() => (state.plan = null));
    return state.plan;
  }

  return {
    /** The site's label-free scoring as it stands (fitted at first use). */
    async scoringFor(site: SiteKey): Promise<SiteScoring> {
      const state = await stateOf(site);
      return plan(site, state);
    },
    /** Adds a page's customers' inputs to the site's pool; refits when it has grown enough. */
    async observe(site: SiteKey, inputs: readonly { crmId: string; inputs: RawRow }[]): Promise<SiteScoring> {
      const state = await stateOf(site);
      for (const input of inputs) state.pool.set(input.crmId, input.inputs);
      return plan(site, state);
    },
    /** Forget every site's fit (settings, scorecard or outcomes changed). */
    invalidate(): void {
      for (const state of sites.values())
        void state.then(
          (s) => (s.plan = null),
          () => undefined,
        );
    },
  };
}

export type SiteStarter = ReturnType<typeof createSiteStarter>;
