import { z } from 'zod';
import { parseUntrustedJson } from '@/lib/files/untrusted-json';
import { armOf } from './assignment';
import { experimentSchema, type Experiment } from './experiment';
import type { CustomerOutcome } from './outcomes';

/**
 * The experiment results file: what one agent's browser knows about an
 * experiment's customers (arm, enrolment, outcome), so a manager can merge
 * several agents' files into the team's result. Version 1; a new shape bumps
 * `version` and keeps reading 1.
 */
const RESULTS_FORMAT = 'churn-radar-experiment-results';

const resultCustomerSchema = z.strictObject({
  site: z.string().min(1).max(512),
  crmId: z.string().min(1).max(256),
  arm: z.enum(['control', 'treatment']),
  enrolledAt: z.number().int().min(0),
  outcome: z.enum(['churned', 'retained', 'open']),
});
export type ResultCustomer = z.infer<typeof resultCustomerSchema>;

const resultsFileSchema = z.strictObject({
  format: z.literal(RESULTS_FORMAT),
  version: z.literal(1),
  experiment: experimentSchema.pick({ id: true, name: true, target: true, controlShare: true, startsAt: true, endsAt: true, plannedSize: true, plan: true }),
  exportedAt: z.number().int().min(0),
  /** Who exported it (the agent's label, optional). */
  agent: z.string().max(120).optional(),
  customers: z.array(resultCustomerSchema).max(1_000_000),
});
export type ResultsFile = z.infer<typeof resultsFileSchema>;

export function resultsFile(experiment: Experiment, customers: ResultCustomer[], exportedAt: number, agent?: string): ResultsFile {
  const { id, name, target, controlShare, startsAt, endsAt, plannedSize, plan } = experiment;
  return {
    format: RESULTS_FORMAT,
    version: 1,
    experiment: { id, name, target, controlShare, startsAt, endsAt, plannedSize, plan },
    exportedAt,
    ...(agent ? { agent } : {}),
    customers,
  };
}

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

/** A results file from its text, or a ResultsFileError saying what is wrong (named by fileName). */
export function parseResultsFile(text: string, fileName: string): ResultsFile {
  const json = parseUntrustedJson(text, 'experimentResults');
  if (!json.ok) throw new ResultsFileError(`${fileName}: ${json.problem}`);
  const value = json.value as { format?: unknown; version?: unknown };
  if (!value || typeof value !== 'object' || value.format !== RESULTS_FORMAT) {
    throw new ResultsFileError(`${fileName}: this is not a Churn Radar experiment results file (format must be "${RESULTS_FORMAT}")`);
  }
  if (value.version !== 1)
    throw new ResultsFileError(`${fileName}: results file version ${String(value.version)} is newer than this extension reads (1); update the extension`);
  const parsed = resultsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ResultsFileError(`${fileName}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const file = parsed.data;
  // The arm is a pure function of the experiment and the customer: a row that disagrees was edited by hand.
  const wrong = file.customers.findIndex((c) => armOf(file.experiment.id, `${c.site}\u0000${c.crmId}`, file.experiment.controlShare) !== c.arm);
  if (wrong >= 0)
    throw new ResultsFileError(
      `${fileName}: customers.${wrong} (${file.customers[wrong]!.crmId}) is in the ${file.customers[wrong]!.arm} arm, but the experiment assigns them to the other one; the file was changed`,
    );
  return file;
}

const RANK: Record<CustomerOutcome, number> = { open: 0, retained: 1, churned: 2 };

export interface MergedResults {
  experiment: ResultsFile['experiment'];
  customers: ResultCustomer[];
  files: { fileName: string; agent: string | null; customers: number; duplicates: number }[];
}

/**
 * Several agents' files as one: the same experiment only (its id and
 * settings), each customer once by key (site + CRM id). When agents disagree
 * the most final outcome wins (churned over retained over open): a churn seen
 * by anyone is a churn. The earliest enrolment is kept.
 */
export function mergeResultsFiles(files: readonly { fileName: string; file: ResultsFile }[]): MergedResults {
  if (!files.length) throw new ResultsFileError('Choose at least one results file.');
  const first = files[0]!;
  const byKey = new Map<string, ResultCustomer>();
  const summary: MergedResults['files'] = [];
  for (const { fileName, file } of files) {
    if (file.experiment.id !== first.file.experiment.id) {
      throw new ResultsFileError(
        `${fileName} is for experiment "${file.experiment.name}" (${file.experiment.id}), not "${first.file.experiment.name}" (${first.file.experiment.id}); merge files of one experiment`,
      );
    }
    if (file.experiment.controlShare !== first.file.experiment.controlShare) {
      throw new ResultsFileError(
        `${fileName}: the experiment's control share differs from ${first.fileName}'s; the files come from different versions of the experiment`,
      );
    }
    let duplicates = 0;
    for (const customer of file.customers) {
      const key = `${customer.site}\u0000${customer.crmId}`;
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, customer);
        continue;
      }
      duplicates++;
      byKey.set(key, {
        ...known,
        enrolledAt: Math.min(known.enrolledAt, customer.enrolledAt),
        outcome: RANK[customer.outcome] > RANK[known.outcome] ? customer.outcome : known.outcome,
      });
    }
    summary.push({ fileName, agent: file.agent ?? null, customers: file.customers.length, duplicates });
  }
  return { experiment: first.file.experiment, customers: [...byKey.values()], files: summary };
}
