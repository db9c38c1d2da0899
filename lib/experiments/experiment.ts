import { z } from 'zod';

/**
 * An experiment on a retention play: who is in it (a playbook rule's
 * customers, one tier, or everyone at risk), how many are held out as control
 * and until when. The zod schema is the one definition: stored items, the
 * team policy's preset and messages are parsed with it, types derive from it.
 */
const slug = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "-", "_" or "." only');
const tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const epochMs = z.number().int().min(0).max(8.64e15);
const rate = z.number().gt(0).lt(1);

const experimentTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rule'), ruleId: slug }),
  z.strictObject({ kind: z.literal('tier'), tier }),
  z.strictObject({ kind: z.literal('at-risk') }),
]);
export type ExperimentTarget = z.infer<typeof experimentTargetSchema>;

/** Control shares the console offers: holding out more than half would deny most customers the play. */
export const CONTROL_SHARE = { min: 0.02, max: 0.5 } as const;

/** What a manager fills in to start one (the background adds id, status and dates of record). */
const draftFields = {
  name: z.string().trim().min(1).max(120),
  target: experimentTargetSchema,
  controlShare: z.number().min(CONTROL_SHARE.min).max(CONTROL_SHARE.max),
  startsAt: epochMs,
  /** Control customers get no outreach until this moment; outcomes are read up to it. */
  endsAt: epochMs,
  /** Customers to enrol in total; after that, new customers get the play as usual. */
  plannedSize: z.number().int().min(10).max(1_000_000),
  /** The planned effect the power calculation used: churn without and with the play. */
  plan: z.strictObject({ controlRate: rate, treatedRate: rate }),
};

export const experimentDraftSchema = z
  .strictObject(draftFields)
  .refine((d) => d.endsAt > d.startsAt, { message: 'the end must come after the start', path: ['endsAt'] });
export type ExperimentDraft = z.infer<typeof experimentDraftSchema>;

const EXPERIMENT_STATUSES = ['running', 'stopped', 'finished'] as const;

/** The fixed-horizon result written when an experiment finishes (and onto its playbook rule). */
export const measuredUpliftSchema = z.strictObject({
  experimentId: slug,
  /** Control churn rate − treated churn rate: positive means the play keeps customers. */
  uplift: z.number().min(-1).max(1),
  low: z.number().min(-1).max(1),
  high: z.number().min(-1).max(1),
  /** Customers in both arms. */
  n: z.number().int().min(0),
  at: epochMs,
});
export type MeasuredUplift = z.infer<typeof measuredUpliftSchema>;

export const experimentSchema = z.strictObject({
  id: slug,
  ...draftFields,
  status: z.enum(EXPERIMENT_STATUSES),
  createdAt: epochMs,
  /** When it was stopped or finished. */
  closedAt: epochMs.optional(),
  result: measuredUpliftSchema.optional(),
});
export type Experiment = z.infer<typeof experimentSchema>;

/** The experiments list as stored and as a policy preset distributes it. */
export const experimentListSchema = z.array(experimentSchema).max(100);

/** Running and inside its dates: new customers are enrolled and control customers held out. */
export function isLive(experiment: Experiment, now: number): boolean {
  return experiment.status === 'running' && now >= experiment.startsAt && now < experiment.endsAt;
}

/** An id from the name and the start, readable in files and stable across browsers once made. */
export function experimentId(name: string, startsAt: number, taken: ReadonlySet<string>): string {
  const base = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'experiment'
  }-${new Date(startsAt).toISOString().slice(0, 10)}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
