/**
 * Churn & tiers (options → background): stored customers with scores and
 * labels, the live count of a churn definition under edit, saving it, and
 * saving tier thresholds. Saves check the managed policy's locks and go
 * through the worker's cached item first, so the scans that open CRM tabs send
 * on the change are answered with the new settings.
 */
import { z } from 'zod';
import type { Activity, SiteKey } from '@/lib/domain';
import { customerKey } from '@/lib/db/customer-key';
import { activitiesByCustomer, storedOutcomes } from '@/lib/db/customer-lookups';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import { customerHistory } from '@/lib/indicators/customer-indicators';
import type { IndicatorSettings } from '@/lib/indicators/types';
import { resolversOf } from '@/lib/labels/resolvers-by-site';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import type { LockableSetting } from '@/lib/policy/managed-policy';
import { indicatorSettingsItem } from '@/lib/settings';
import { definitionCounts, definitionProblems, reasonFieldCandidates, statusText, valueCounts } from './churn-definition';
import { riskCustomers } from './risk-customers';
import { churnPreviewSchema, definitionMessage, riskCustomersViewSchema, thresholdsMessage } from './risk-schemas';
import { validateThresholds } from './tiers';

export interface RiskDeps {
  db: ChurnRadarDb;
  /** Pending history writes: the views wait for them, so a customer just scanned is counted. */
  customers: { settled: () => Promise<void> };
  thresholds: () => Promise<number[]>;
  indicatorSettings: () => Promise<IndicatorSettings>;
  /** Refuses (HandlerError 'forbidden') when the managed policy locks the setting. */
  assertUnlocked: (setting: LockableSetting) => Promise<void>;
  /** Saves tier thresholds (the worker's cache, then storage). */
  saveThresholds?: (thresholds: number[]) => Promise<void>;
  /** Saves indicator settings (the worker's cache, then storage); default: the stored item, whose watcher refreshes the cache. */
  saveIndicatorSettings?: (settings: IndicatorSettings) => Promise<void>;
  /** The site's field mapping over the synonyms; absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  now: () => number;
}

async function storedCustomers(deps: RiskDeps) {
  await deps.customers.settled();
  const [rows, activities] = await Promise.all([deps.db.customers.toArray(), deps.db.activities.toArray()]);
  const resolvers = await resolversOf(rows, deps.fieldResolver);
  return { rows, activities: activitiesByCustomer(activities) as Map<string, Activity[]>, resolvers };
}

const command = commandsFor<RiskDeps>();

export const riskCommands = {
  getRiskCustomers: command({
    request: z.strictObject({}),
    response: riskCustomersViewSchema,
    audience: 'extension',
    async handle(_request, deps) {
      const [{ rows, activities, resolvers }, settings, thresholds, recorded] = await Promise.all([
        storedCustomers(deps),
        deps.indicatorSettings(),
        deps.thresholds(),
        storedOutcomes(deps.db),
      ]);
      const outcomes = new Map([...recorded].map(([key, outcome]) => [key, outcome.kind]));
      return { customers: riskCustomers(rows, activities, outcomes, settings.churn, deps.now(), resolvers), stored: rows.length, thresholds };
    },
  }),

  previewChurnDefinition: command({
    request: definitionMessage,
    response: churnPreviewSchema,
    audience: 'extension',
    async handle({ definition }, deps) {
      const { rows, activities, resolvers } = await storedCustomers(deps);
      const now = deps.now();
      const histories = rows.map((row) => customerHistory(row, activities.get(customerKey(row.site, row.crmId)) ?? [], now, [], resolvers.get(row.site)));
      const labels = new Set<string>();
      for (const row of rows) for (const label in row.fields) labels.add(label);
      return {
        counts: definitionCounts(histories, definition),
        statusValues: valueCounts(rows.map((row) => statusText(row.fields, resolvers.get(row.site)))),
        reasonFields: reasonFieldCandidates(labels).map((label) => ({
          label,
          values: valueCounts(
            rows.map((row) => row.fields[label]),
            30,
          ),
        })),
      };
    },
  }),

  saveChurnDefinition: command({
    request: definitionMessage,
    response: definitionMessage,
    audience: 'extension',
    async handle({ definition }, deps) {
      const problems = definitionProblems(definition);
      if (problems.length) throw new HandlerError('bad-request', `The churn definition is not valid (${problems.join(', ')}).`);
      await deps.assertUnlocked('churnDefinition');
      const save = deps.saveIndicatorSettings ?? ((value: IndicatorSettings) => indicatorSettingsItem.setValue(value));
      await save({ ...(await deps.indicatorSettings()), churn: definition });
      return { definition };
    },
  }),

  saveTierThresholds: command({
    request: thresholdsMessage,
    response: thresholdsMessage,
    audience: 'extension',
    async handle({ thresholds }, deps) {
      const problem = validateThresholds(thresholds);
      if (problem) throw new HandlerError('bad-request', problem);
      await deps.assertUnlocked('tierThresholds');
      if (!deps.saveThresholds) throw new HandlerError('internal', 'Tier thresholds cannot be saved from here.');
      await deps.saveThresholds(thresholds);
      return { thresholds };
    },
  }),
};
