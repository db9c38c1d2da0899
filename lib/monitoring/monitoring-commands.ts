/**
 * Models → Monitoring (options → background): the monitoring view of an
 * active model, the challenger's training rows (observed customers minus the
 * held-out quarter), champion vs challenger on the held-out outcomes, and the
 * retraining schedule. Promotion and rollback are the existing
 * activateModel / rollbackModel messages.
 */
import { z } from 'zod';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { createScorer } from '@/lib/model/scorer';
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { observedTrainingRows, OBSERVED_POSITIVE } from '@/lib/training/observed';
import { observedCustomers } from '@/lib/training/observed-customers';
import type { TrainingRowsView } from '@/lib/training/training-rows';
import { readMonitoringInputs, type MonitoringReadDeps } from './monitoring-inputs';
import { monitoringReport, type MonitoringReport } from './monitoring-report';
import { compareModels, isHoldout, retrainScheduleSchema, type Comparison, type RetrainSchedule } from './retrain';

export interface MonitoringDeps extends MonitoringReadDeps {
  models: { list: () => Promise<{ activeIds: string[]; models: { id: string; name: string }[] }>; artifactOf: (id: string) => Promise<ModelArtifact> };
  retrainSchedule?: { get: () => Promise<RetrainSchedule>; set: (value: RetrainSchedule) => Promise<void> };
}

const command = commandsFor<MonitoringDeps>();
const modelId = z.string().min(1).max(200);

let memorySchedule: RetrainSchedule = { everyDays: 0 };
const scheduleOf = (deps: MonitoringDeps) =>
  deps.retrainSchedule ?? { get: async () => memorySchedule, set: async (value: RetrainSchedule) => void (memorySchedule = value) };

/** The model to monitor: the one asked for while it is in service (a page may ask for one just rolled back), else the first active. */
async function championOf(deps: MonitoringDeps, requested: string | undefined): Promise<string | null> {
  const { activeIds } = await deps.models.list();
  return requested && activeIds.includes(requested) ? requested : (activeIds[0] ?? null);
}

async function artifactOf(deps: MonitoringDeps, id: string): Promise<ModelArtifact> {
  try {
    return await deps.models.artifactOf(id);
  } catch (error) {
    throw new HandlerError('not-found', (error as Error).message);
  }
}

async function predict(artifact: ModelArtifact, rows: RawRow[]): Promise<Float32Array> {
  const scorer = await createScorer(artifact);
  try {
    return scorer.predict(rows);
  } finally {
    scorer.dispose();
  }
}

export const monitoringCommands = {
  getMonitoring: command({
    request: z.strictObject({ modelId: modelId.optional() }),
    response: z.object({
      /** The models in service, most recently activated first (each can be monitored). */
      active: z.array(z.object({ id: z.string(), name: z.string() })),
      report: z.custom<MonitoringReport>().nullable(),
      computeMs: z.number(),
    }),
    audience: 'extension',
    async handle({ modelId: requested }, deps) {
      const started = performance.now();
      const { activeIds, models } = await deps.models.list();
      const active = activeIds.map((id) => ({ id, name: models.find((m) => m.id === id)?.name ?? id }));
      const champion = await championOf(deps, requested);
      if (!champion) return { active, report: null, computeMs: 0 };
      const inputs = await readMonitoringInputs(deps, await artifactOf(deps, champion), await scheduleOf(deps).get());
      return { active, report: monitoringReport(inputs), computeMs: Math.round(performance.now() - started) };
    },
  }),

  getChallengerRows: command({
    request: z.strictObject({}),
    response: z.object({ view: z.custom<TrainingRowsView>(), heldOut: z.number().int() }),
    audience: 'extension',
    async handle(_request, deps) {
      const [customers, settings] = await Promise.all([observedCustomers(deps), deps.indicatorSettings()]);
      const training = customers.filter((c) => !isHoldout(c.key));
      return { view: observedTrainingRows(training, settings, deps.now()), heldOut: customers.length - training.length };
    },
  }),

  compareChallenger: command({
    request: z.strictObject({ challengerId: modelId, championId: modelId.optional() }),
    response: z.custom<Comparison>(),
    audience: 'extension',
    async handle({ challengerId, championId }, deps) {
      const champion = await championOf(deps, championId);
      if (!champion) throw new HandlerError('not-found', 'No model is in service to compare with.');
      const [championArtifact, challengerArtifact, customers, settings] = await Promise.all([
        artifactOf(deps, champion),
        artifactOf(deps, challengerId),
        observedCustomers(deps),
        deps.indicatorSettings(),
      ]);
      // The same held-out customers, labelled and read exactly as training rows are.
      const heldOut = observedTrainingRows(
        customers.filter((c) => isHoldout(c.key)),
        settings,
        deps.now(),
      );
      if (!heldOut.rows.length) throw new HandlerError('bad-request', 'No held-out customer has a known outcome yet: nothing to compare on.');
      const labels = heldOut.rows.map((row) => row[heldOut.label] === OBSERVED_POSITIVE);
      return compareModels(labels, await predict(championArtifact, heldOut.rows), await predict(challengerArtifact, heldOut.rows));
    },
  }),

  saveRetrainSchedule: command({
    request: retrainScheduleSchema,
    response: retrainScheduleSchema,
    audience: 'extension',
    async handle(schedule, deps) {
      await scheduleOf(deps).set(schedule);
      return schedule;
    },
  }),
};
