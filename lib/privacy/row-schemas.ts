import { z } from 'zod';
import { customerKey } from '@/lib/db/customer-key';
import { ACTIVITY_KINDS, SNAPSHOT_LIMITS as LIMITS } from '@/lib/domain';
import { CHURN_PATTERNS, INDICATOR_CATEGORIES, LIFECYCLE_STAGES } from '@/lib/indicators/types';
import { isSiteOrigin, siteOriginOf } from '@/lib/sites/origins';
import type { DataTable } from './tables';

/**
 * What a row of each table must be to be imported: the row types of
 * lib/db/schema.ts as strict zod schemas, nested all the way down. A key
 * the type does not have, a value of the wrong shape or an over-long text
 * refuses the row (and with it the file: lib/background/privacy-handlers.ts).
 * Text bounds are the scan's (SNAPSHOT_LIMITS, lib/domain.ts): anything
 * longer was never stored by this extension.
 *
 * Links: `detailUrl` is rendered as "open in CRM", so it must be http(s) on
 * the row's own site (a `javascript:` or another site's URL in a file would
 * otherwise become a link in the side panel); a page sighting's `url` must
 * be a web address, and its `keys` must be its own site's customers (the
 * index a customer's history is read by).
 */
const site = z.string().max(512).refine(isSiteOrigin, 'not a site origin such as https://crm.example.com');
const crmId = z.string().min(1).max(LIMITS.id);
const time = z.number().finite().nonnegative();
const instant = z.number().finite();
const tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const probability = z.number().min(0).max(1);
const count = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);
const localId = z.number().int().positive().optional();
const fields = z.record(text(LIMITS.label), text(LIMITS.value)).refine((record) => Object.keys(record).length <= 2000, 'more than 2,000 fields');
const bilingual = z.strictObject({ en: text(2000), zh: text(2000) });
const webUrl = text(4096).refine((url) => siteOriginOf(url) !== null, 'not an http(s) address');

const visit = z.strictObject({
  at: time,
  probability: probability.nullable(),
  indicators: z.record(text(200), z.union([z.number().finite(), text(4096)])),
  contributions: z.record(text(2000), z.number().finite()),
});

const customer = z
  .strictObject({
    site,
    crmId,
    name: text(LIMITS.name),
    fields,
    firstSeen: time,
    lastSeen: time,
    lastObservedAt: time,
    observationCount: count,
    lastScore: z.strictObject({ probability, tier, modelId: text(256), scoredAt: time }).optional(),
    value: z.number().finite().optional(),
    today: time.optional(),
    atRiskSince: time.optional(),
    detailUrl: text(4096).optional(),
    visits: z.strictObject({ previous: visit.optional(), current: visit.optional() }).optional(),
    activityCount: count.optional(),
    // The digest joins every indicator's value (lib/indicators/customer-indicators.ts): long, but bounded by them.
    indicators: z.strictObject({ digest: text(4_000_000), at: time }).optional(),
    unobservedFields: z.array(text(LIMITS.label)).max(2000).optional(),
    // Derived (lib/db/worklist-keys.ts), recomputed when an import is written.
    worklistRank: z.number().finite().optional(),
    owner: text(LIMITS.name).optional(),
    // Derived (lib/labels/stored-label.ts): an imported label is used only while its version and row still match.
    label: z
      .strictObject({
        version: text(64),
        churned: z.boolean().nullable(),
        lastSeen: time,
        activityCount: count,
        until: instant.optional(),
        firstChurned: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((row) => row.detailUrl === undefined || siteOriginOf(row.detailUrl) === row.site, {
    message: "not an http(s) address on the row's own site",
    path: ['detailUrl'],
  });

const observationBatch = z
  .strictObject({
    id: localId,
    site,
    observedAt: time,
    pageKind: z.enum(['list', 'detail']),
    url: webUrl,
    adapter: text(64),
    keys: z.array(text(1024)).max(LIMITS.customers),
    crmIds: z.array(crmId).max(LIMITS.customers),
    names: z.array(text(LIMITS.name)).max(LIMITS.customers),
    fields: z.array(fields).max(LIMITS.customers),
  })
  .refine(
    (row) => row.keys.length === row.crmIds.length && row.crmIds.length === row.names.length && row.names.length === row.fields.length,
    'keys, crmIds, names and fields must have the same length',
  )
  .refine((row) => row.keys.every((key, i) => key === customerKey(row.site, row.crmIds[i]!)), {
    message: "every key must be the row's own site and customer",
    path: ['keys'],
  });

const reason = z.strictObject({
  field: text(2000),
  value: text(4096).nullable(),
  contribution: z.number().finite(),
  indicator: z.strictObject({ id: text(100), label: bilingual, meaning: bilingual.nullable() }).optional(),
});

const indicatorValue = z.strictObject({
  id: text(100),
  category: z.enum(INDICATOR_CATEGORIES),
  value: z.union([z.number().finite(), text(4096)]).nullable(),
  display: text(4096).nullable(),
  direction: z.enum(['raises', 'lowers', 'neutral']),
  trend: z.enum(['up', 'down', 'flat']).nullable().optional(),
  meaning: bilingual.nullable().optional(),
});

const rowSchemas: Record<DataTable, z.ZodType<Record<string, unknown>>> = {
  customers: customer,
  observationBatches: observationBatch,
  scores: z.strictObject({ id: localId, site, crmId, scoredAt: time, probability, tier, modelId: text(256), reasons: z.array(reason).max(1000) }),
  activities: z.strictObject({
    site,
    crmId,
    id: z.string().min(1).max(LIMITS.id),
    kind: z.enum(ACTIVITY_KINDS),
    at: instant,
    amount: z.number().finite().optional(),
    quantity: z.number().finite().optional(),
    status: text(LIMITS.activityStatus).optional(),
    text: text(LIMITS.activityText).optional(),
    firstSeen: time,
    lastSeen: time,
  }),
  indicators: z.strictObject({
    id: localId,
    site,
    crmId,
    computedAt: time,
    values: z.array(indicatorValue).max(500),
    lifecycle: z.enum(LIFECYCLE_STAGES).nullable(),
    pattern: z.enum(CHURN_PATTERNS).nullable(),
  }),
  actions: z.strictObject({
    id: localId,
    site,
    crmId,
    at: time,
    kind: z.enum(['called', 'emailed', 'offer', 'meeting', 'no_contact']),
    playbookId: text(256).optional(),
    scriptId: text(256).optional(),
    note: text(2000).optional(),
    outcome: z.strictObject({ kind: z.enum(['retained', 'churned', 'no_answer', 'pending']), at: time }).optional(),
  }),
  feedback: z.strictObject({
    id: localId,
    site,
    crmId,
    at: time,
    verdict: z.enum(['too_high', 'too_low']),
    reason: text(500),
    probability,
    tier,
    modelId: text(256),
  }),
  overrides: z.strictObject({ site, crmId, tier, reason: text(500), at: time, expiresAt: time }),
  enrolments: z.strictObject({ experimentId: z.string().min(1).max(64), site, crmId, arm: z.enum(['control', 'treatment']), enrolledAt: time }),
  // The artifact itself is checked by the model parser in the background.
  models: z.strictObject({
    id: z.string().min(1).max(256),
    createdAt: text(100),
    importedAt: time,
    artifact: z.record(z.string(), z.unknown()),
    sites: z.array(site).max(1000).optional(),
  }),
  // The background's own records; each reader checks the value it reads (lib/background/model-provider.ts).
  meta: z.strictObject({ key: z.string().min(1).max(256), value: z.json() }),
  settings: z.strictObject({ key: z.string().min(1).max(256), value: z.json() }),
};

/** The first problem with a row, in words ("lastSeen: expected number"), or null when it is valid. */
export function rowProblem(table: DataTable, row: unknown): string | null {
  const parsed = rowSchemas[table].safeParse(row);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`;
}
