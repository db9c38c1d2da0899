import { storage } from 'wxt/utils/storage';
import { parseUntrustedJson } from '@/lib/files/untrusted-json';
import { experimentListSchema, type Experiment } from './experiment';

/**
 * The team's experiments (definitions and status; a few dozen at most), as
 * a storage item next to the other team settings, so the team policy can
 * preset and lock them like the playbook. Who is enrolled lives in IndexedDB
 * (the enrolments table, lib/db): that can be 100,000 rows.
 */
export const experimentsItem = storage.defineItem<Experiment[]>('local:experiments', { fallback: [], version: 1 });

/** The file a manager exports for the team policy (`experiments` key): the definitions only. */
const EXPERIMENTS_FORMAT = 'churn-radar-experiments';

export function experimentsFile(experiments: readonly Experiment[]): string {
  return JSON.stringify({ format: EXPERIMENTS_FORMAT, version: 1, experiments }, null, 2);
}

/** The experiments of a policy preset's file text; throws naming what is wrong. */
function parseExperimentsFile(text: string): Experiment[] {
  const json = parseUntrustedJson(text, 'playbook');
  if (!json.ok) throw new Error(`The experiments file is not valid: ${json.problem}`);
  const value = json.value as { format?: unknown; version?: unknown; experiments?: unknown };
  if (value?.format !== EXPERIMENTS_FORMAT) throw new Error(`This is not a Churn Radar experiments file (format must be "${EXPERIMENTS_FORMAT}").`);
  if (value.version !== 1) throw new Error(`Experiments file version ${String(value.version)} is not one this extension reads (1).`);
  const parsed = experimentListSchema.safeParse(value.experiments);
  if (!parsed.success) throw new Error(`The experiments file is not valid: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * The stored list with a policy preset applied: the preset's experiments
 * replace those with the same id (status included: a locked preset is run
 * centrally), a browser's own other experiments stay.
 */
export function withExperimentsPreset(current: readonly Experiment[], presetText: string): Experiment[] {
  const preset = parseExperimentsFile(presetText);
  const ids = new Set(preset.map((e) => e.id));
  return [...preset, ...current.filter((e) => !ids.has(e.id))];
}
