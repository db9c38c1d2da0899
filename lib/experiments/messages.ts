import { z } from 'zod';
import { experimentDraftSchema, type Experiment } from './experiment';
import type { ExperimentResult } from './results';

/**
 * The Experiments tab's messages (options → background), declared once: the
 * zod request schemas the background validates with, and the request types
 * derived from them. Merged into the one Protocol (lib/messaging/protocol.ts).
 */
const id = z.string().min(1).max(64);

export const experimentRequestSchemas = {
  listExperiments: z.strictObject({}),
  startExperiment: z.strictObject({ draft: experimentDraftSchema }),
  /** Abandon: control customers are released at once and nothing is written on the playbook. */
  stopExperiment: z.strictObject({ id }),
  /** Close with a result, written on the tested playbook rule. */
  finishExperiment: z.strictObject({ id }),
  exportExperimentResults: z.strictObject({ id, agent: z.string().trim().max(120).optional() }),
  exportExperimentsFile: z.strictObject({}),
};

export const experimentAudience: Record<keyof typeof experimentRequestSchemas, 'extension'> = {
  listExperiments: 'extension',
  startExperiment: 'extension',
  stopExperiment: 'extension',
  finishExperiment: 'extension',
  exportExperimentResults: 'extension',
  exportExperimentsFile: 'extension',
};

export interface ExperimentView {
  experiment: Experiment;
  result: ExperimentResult;
  /** For a rule experiment: whether the rule is still in the playbook (renamed or deleted rules cannot take a result). */
  ruleMissing: boolean;
}

export interface ExperimentsState {
  experiments: ExperimentView[];
  /** The team policy locks the experiments: start, stop and finish are refused. */
  locked: boolean;
}

/** What finishing did with the result. */
export type Consolidation = 'written' | 'notARule' | 'ruleMissing' | 'playbookLocked';

type Request<K extends keyof typeof experimentRequestSchemas> = z.infer<(typeof experimentRequestSchemas)[K]>;

export interface ExperimentProtocol {
  listExperiments: { request: Request<'listExperiments'>; response: ExperimentsState };
  startExperiment: { request: Request<'startExperiment'>; response: ExperimentsState };
  stopExperiment: { request: Request<'stopExperiment'>; response: ExperimentsState };
  finishExperiment: { request: Request<'finishExperiment'>; response: ExperimentsState & { consolidation: Consolidation } };
  exportExperimentResults: { request: Request<'exportExperimentResults'>; response: { fileName: string; text: string; customers: number } };
  exportExperimentsFile: { request: Request<'exportExperimentsFile'>; response: { fileName: string; text: string } };
}
