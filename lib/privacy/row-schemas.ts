import { z } from 'zod';
import type { DataTable } from './tables';

/**
 * What a row of each table must have to be imported. The keys and times that
 * identify and order rows are checked strictly; other fields pass through as
 * they were exported (the database's own row types describe them).
 */
const site = z.string().min(1).max(512);
const crmId = z.string().min(1).max(256);
const time = z.number().finite().nonnegative();
const tier = z.number().int().min(1).max(5);
const stringRecord = z.record(z.string(), z.string());

export const rowSchemas: Record<DataTable, z.ZodType<Record<string, unknown>>> = {
  customers: z.looseObject({
    site,
    crmId,
    name: z.string(),
    fields: stringRecord,
    firstSeen: time,
    lastSeen: time,
    lastObservedAt: time,
    observationCount: z.number().int().nonnegative(),
  }),
  observationBatches: z
    .looseObject({
      site,
      observedAt: time,
      pageKind: z.enum(['list', 'detail']),
      url: z.string(),
      adapter: z.string(),
      keys: z.array(z.string()),
      crmIds: z.array(z.string()),
      names: z.array(z.string()),
      fields: z.array(stringRecord),
    })
    .refine((row) => row.keys.length === row.crmIds.length && row.crmIds.length === row.names.length && row.names.length === row.fields.length, 'keys, crmIds, names and fields must have the same length'),
  scores: z.looseObject({ site, crmId, scoredAt: time, probability: z.number().min(0).max(1), tier, modelId: z.string(), reasons: z.array(z.unknown()) }),
  activities: z.looseObject({ site, crmId, id: z.string().min(1), kind: z.string(), at: z.number().finite(), firstSeen: time, lastSeen: time }),
  indicators: z.looseObject({ site, crmId, computedAt: time, values: z.array(z.unknown()) }),
  actions: z.looseObject({
    site,
    crmId,
    at: time,
    kind: z.enum(['called', 'emailed', 'offer', 'meeting', 'no_contact']),
    outcome: z.object({ kind: z.enum(['retained', 'churned', 'no_answer', 'pending']), at: time }).optional(),
  }),
  feedback: z.looseObject({ site, crmId, at: time, verdict: z.enum(['too_high', 'too_low']), reason: z.string(), probability: z.number(), tier, modelId: z.string() }),
  overrides: z.looseObject({ site, crmId, tier, reason: z.string(), at: time, expiresAt: time }),
  // The artifact itself is checked by the model parser in the background.
  models: z.looseObject({ id: z.string().min(1), createdAt: z.string(), importedAt: time, artifact: z.record(z.string(), z.unknown()) }),
  meta: z.looseObject({ key: z.string().min(1), value: z.unknown() }),
  settings: z.looseObject({ key: z.string().min(1), value: z.unknown() }),
};

/** The first problem with a row, in words ("lastSeen: expected number"), or null when it is valid. */
export function rowProblem(table: DataTable, row: unknown): string | null {
  const parsed = rowSchemas[table].safeParse(row);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`;
}
