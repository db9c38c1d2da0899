/**
 * Churn & tiers (options → background): stored customers with scores and
 * labels, the live count of a churn definition under edit, saving it, and
 * saving tier thresholds. Saves check the managed policy's locks and go
 * through the worker's cached item first, so the scans that open CRM tabs send
 * on the change are answered with the new settings.
 */
import type { Activity, SiteKey } from '../domain';
import { customerKey } from '../db/customer-key';
import { activitiesByCustomer, storedOutcomes } from '../db/customer-lookups';
import type { ChurnRadarDb } from '../db/db';
import type { IndicatorSettings } from '../indicators/types';
import type { FieldResolver } from '../fields/field-resolver';
import type { RiskProtocol } from '../messaging/risk-protocol';
import { indicatorSettingsItem } from '../settings';
import { definitionCounts, definitionProblems, reasonFieldCandidates, statusText, valueCounts } from '../risk/churn-definition';
import { resolversOf } from '../labels/site-resolvers';
import { riskCustomers } from '../risk/risk-customers';
import { validateThresholds } from '../risk/tiers';
import type { CustomerStore } from './customer-store';
import { customerHistory } from '@/lib/indicators/customer-indicators';
import { assertUnlocked } from './policy-service';
import { HandlerError, type Handlers } from './router';

export interface RiskDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
  thresholds: () => Promise<number[]>;
  indicatorSettings: () => Promise<IndicatorSettings>;
  /** Saves tier thresholds (the worker's cache, then storage). */
  saveThresholds?: (thresholds: number[]) => Promise<void>;
  /** Saves indicator settings (the worker's cache, then storage); default: the stored item, whose watcher refreshes the cache. */
  saveIndicatorSettings?: (settings: IndicatorSettings) => Promise<void>;
  /** The site's field mapping over the synonyms; absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  now: () => number;
}

export function createRiskHandlers(deps: RiskDeps): Pick<Handlers, keyof RiskProtocol> {
  async function stored() {
    await deps.customers.settled();
    const [rows, activities] = await Promise.all([deps.db.customers.toArray(), deps.db.activities.toArray()]);
    const resolvers = await resolversOf(rows, deps.fieldResolver);
    return { rows, activities: activitiesByCustomer(activities) as Map<string, Activity[]>, resolvers };
  }

  return {
    async getRiskCustomers() {
      const [{ rows, activities, resolvers }, settings, thresholds, recorded] = await Promise.all([stored(), deps.indicatorSettings(), deps.thresholds(), storedOutcomes(deps.db)]);
      const outcomes = new Map([...recorded].map(([key, outcome]) => [key, outcome.kind]));
      return { customers: riskCustomers(rows, activities, outcomes, settings.churn, deps.now(), resolvers), stored: rows.length, thresholds };
    },

    async previewChurnDefinition({ definition }) {
      const { rows, activities, resolvers } = await stored();
      const now = deps.now();
      const histories = rows.map((row) => customerHistory(row, activities.get(customerKey(row.site, row.crmId)) ?? [], now, [], resolvers.get(row.site)));
      const labels = new Set<string>();
      for (const row of rows) for (const label in row.fields) labels.add(label);
      return {
        counts: definitionCounts(histories, definition),
        statusValues: valueCounts(rows.map((row) => statusText(row.fields, resolvers.get(row.site)))),
        reasonFields: reasonFieldCandidates(labels).map((label) => ({ label, values: valueCounts(rows.map((row) => row.fields[label]), 30) })),
      };
    },

    async saveChurnDefinition({ definition }) {
      const problems = definitionProblems(definition);
      if (problems.length) throw new HandlerError('bad-request', `The churn definition is not valid (${problems.join(', ')}).`);
      await assertUnlocked('churnDefinition');
      const save = deps.saveIndicatorSettings ?? ((value: IndicatorSettings) => indicatorSettingsItem.setValue(value));
      await save({ ...(await deps.indicatorSettings()), churn: definition });
      return { definition };
    },

    async saveTierThresholds({ thresholds }) {
      const problem = validateThresholds(thresholds);
      if (problem) throw new HandlerError('bad-request', problem);
      await assertUnlocked('tierThresholds');
      if (!deps.saveThresholds) throw new HandlerError('internal', 'Tier thresholds cannot be saved from here.');
      await deps.saveThresholds(thresholds);
      return { thresholds };
    },
  };
}
