import { z } from 'zod';
import { siteRecipesSchema } from '../recipes/recipe-schema';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../db/retention';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '../fields/product-fields';
import { playbookSchema } from '../playbooks/playbook-file';
import { experimentListSchema } from '../experiments/experiment';
import { retrainScheduleSchema } from '../monitoring/retrain';
import { alertSettingsSchema } from '../alerts/alert-settings';
import { migrateIndicatorSettingsV2 } from '../risk/churn-settings';
import { costProblems } from '../risk/cost-settings';
import type { CostInputs } from '../risk/profit';
import { isSiteOrigin } from '../sites/origins';

/**
 * Every chrome.storage.local setting an export file may bring back, with the
 * shape and version its storage item (storage.defineItem) stores today and
 * the migrations from older versions. An import writes only values that pass
 * here: a file is user input, and a wrong value in storage breaks the feature
 * that reads it long after the import said "done".
 * A new storage item adds a line here (tests/unit/privacy/settings-registry.test.ts
 * fails until it does).
 */
export interface SettingSpec {
  version: number;
  schema: z.ZodType;
  /** Version n's migration takes a version n-1 value (as storage.defineItem's `migrations`). */
  migrations?: Record<number, (value: never) => unknown>;
}

const site = z.string().max(512).refine(isSiteOrigin, 'not a site origin');
const FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];
const count = z.number().int().positive();
const fraction = z.number().gt(0).lt(1);

const churnDefinition = z.object({
  statusValues: z.array(z.string().max(200)).max(100),
  inactivityDays: count.nullable(),
  partialSpendDrop: fraction.nullable(),
  windowDays: count,
  reasonField: z.string().max(200).nullable(),
  involuntaryReasons: z.array(z.string().max(200)).max(100),
});

const costInputs = z
  .object({ actionCost: z.number(), retainedValue: z.number(), successRate: z.number(), valueSource: z.enum(['average', 'field']), horizonMonths: z.number() })
  .refine((inputs) => costProblems(inputs as CostInputs).length === 0, 'cost inputs out of range');

export const IMPORTABLE_SETTINGS: Readonly<Record<string, SettingSpec>> = {
  tierThresholds: {
    version: 1,
    schema: z
      .array(fraction)
      .length(4)
      .refine((t) => t.every((value, i) => i === 0 || value > t[i - 1]!), 'four rising probabilities'),
  },
  indicatorSettings: {
    version: 2,
    schema: z.object({
      churn: churnDefinition,
      competitors: z.array(z.string().max(200)).max(500),
      highValueSpend: z.number().nonnegative().nullable().optional(),
    }),
    migrations: { 2: migrateIndicatorSettingsV2 },
  },
  retentionDays: { version: 1, schema: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS) },
  dueHours: {
    version: 1,
    schema: z.partialRecord(
      z.enum(['3', '4', '5']),
      z
        .number()
        .positive()
        .max(24 * 365),
    ),
  },
  costInputs: { version: 1, schema: costInputs },
  enabledSites: { version: 1, schema: z.array(z.object({ origin: site, addedAt: z.number() })).max(500) },
  // Default sites (the demo CRM) the user turned off: an export that carries the choice must import (imports are all or nothing).
  disabledDefaultSites: { version: 1, schema: z.array(site).max(100) },
  siteJoinBy: { version: 1, schema: z.record(site, z.enum(['email', 'domain'])) },
  // How each site writes numeric dates, when the manager set it (lib/mapping/date-order-item.ts).
  siteDateOrder: { version: 1, schema: z.record(site, z.enum(['mdy', 'dmy'])) },
  fieldMappings: {
    version: 1,
    schema: z.record(site, z.object({ fields: z.record(z.string().min(1).max(200), z.enum([...FIELDS, 'ignore'])), updatedAt: z.number() })),
  },
  playbook: { version: 1, schema: playbookSchema.nullable() },
  // Taught site recipes (lib/recipes): the team's teaching travels with an export like the field mapping.
  siteRecipes: { version: 1, schema: z.record(site, siteRecipesSchema) },
  // The team's experiments (lib/experiments): who is enrolled is in the database export, the definitions travel here.
  experiments: { version: 1, schema: experimentListSchema },
  // The manager's retraining schedule (Models → Monitoring).
  retrainSchedule: { version: 1, schema: retrainScheduleSchema },
  // The agent's alert choices (lib/alerts): quiet hours, cap, tier, owner. The permission itself is the browser's to grant again.
  alertSettings: { version: 1, schema: alertSettingsSchema },
};

/**
 * Settings that describe this browser, not the team's choices: never imported
 * (counted as kept). Adapter health is rebuilt from the pages seen here; which
 * policy presets were applied is this browser's bookkeeping, and so are the
 * counts of rows this browser could not save (lib/background/storage-health.ts),
 * and the alerts this browser showed (lib/alerts/alert-log.ts).
 */
export const BROWSER_LOCAL_SETTINGS: ReadonlySet<string> = new Set(['siteHealth', 'policyApplied', 'lostRows', 'unsavedRows', 'alertState']);

export type CheckedSetting = { ok: true; value: unknown; version: number } | { ok: false; problem: string };

/** WXT's `key$` metadata: `{ v: version }`; a value stored without it is version 1. */
const versionOf = (meta: unknown): number | null => {
  if (meta === undefined) return 1;
  const v = (meta as { v?: unknown } | null)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
};

/** An imported setting as this version stores it (migrated from an older version), or why it is refused. */
export function checkImportedSetting(key: string, value: unknown, meta: unknown): CheckedSetting {
  const spec = Object.hasOwn(IMPORTABLE_SETTINGS, key) ? IMPORTABLE_SETTINGS[key]! : undefined;
  if (!spec) return { ok: false, problem: `setting ${key}: not a setting this version knows` };
  const from = versionOf(meta);
  if (from === null) return { ok: false, problem: `setting ${key}: unreadable version` };
  if (from > spec.version)
    return { ok: false, problem: `setting ${key}: version ${from} is from a newer Churn Radar (this one stores version ${spec.version})` };
  let migrated = value;
  for (let v = from + 1; v <= spec.version; v++) {
    const migrate = spec.migrations?.[v];
    if (!migrate) return { ok: false, problem: `setting ${key}: version ${from} cannot be brought to version ${spec.version}` };
    try {
      migrated = migrate(migrated as never);
    } catch {
      return { ok: false, problem: `setting ${key}: version ${from} value could not be migrated` };
    }
  }
  const parsed = spec.schema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `setting ${key}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  return { ok: true, value: parsed.data, version: spec.version };
}
