/**
 * Where each policy preset lands: the storage items of the settings, and the
 * model store. Wiring only; the rules are in policy-service.ts and lib/policy.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { IndicatorSettings } from '../indicators/types';
import { parseModelArtifact } from '../model/artifact';
import { parsePlaybookFile } from '../playbooks/playbook-file';
import { playbookItem } from '../playbooks/playbook-item';
import { migrateAppliedV2 } from '@/lib/policy/apply-policy';
import type { LockableSetting } from '../policy/managed-policy';
import { indicatorSettingsItem, tierThresholdsItem } from '../settings';
import { fieldMappingsItem } from '../mapping/mapping-item';
import { withMappingPreset, type MappingSettings } from '../mapping/mapping-preset';
import { siteRecipesItem } from '../recipes/recipes-item';
import { dateOrderItem } from '../mapping/date-order-item';
import { experimentsItem, withExperimentsPreset } from '../experiments/experiments-item';
import type { ModelProvider } from './model-provider';
import type { AppliedRecord, PolicyServiceDeps, PolicyTarget } from './policy-service';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

function itemTarget<T>(item: Item<T>, desired: (preset: unknown, current: T) => T): PolicyTarget {
  return {
    read: () => item.getValue(),
    desired: (preset, current) => desired(preset, current as T),
    write: (value) => item.setValue(value as T),
    watch: (callback) => void item.watch(() => callback()),
  };
}

/** The policy's churn definition is partial: its keys replace the stored definition's. */
export function withChurnPreset(current: IndicatorSettings, preset: unknown): IndicatorSettings {
  return { ...current, churn: { ...current.churn, ...(preset as Partial<IndicatorSettings['churn']>) } };
}

/** The model preset: stored (validated, as an imported version) and put into service. */
function modelTarget(models: ModelProvider, onModelChange: () => void): PolicyTarget {
  let artifactId: string | null = null;
  return {
    read: async () => (await models.list()).activeIds,
    async desired(preset, current) {
      const artifact = parseModelArtifact(preset);
      await models.store(artifact, 'imported', null);
      artifactId = artifact.id;
      const ids = current as string[];
      return ids.includes(artifact.id) ? ids : [artifact.id, ...ids];
    },
    async write() {
      if (artifactId) await models.activate(artifactId);
      onModelChange();
    },
  };
}

/**
 * Which presets were applied, with their fingerprint (lib/policy/apply-policy.ts): a preset alone is applied once per value.
 * Version 2: the fingerprint is a hash (version 1 stored the whole preset, a model included).
 */
export const policyAppliedItem = storage.defineItem<Partial<Record<LockableSetting, AppliedRecord>>>('local:policyApplied', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateAppliedV2 },
});

/** The team's mapping file: labels, taught recipes and date orders, three items, applied together (lib/mapping/mapping-preset.ts). */
function fieldMappingTarget(): PolicyTarget {
  return {
    read: async (): Promise<MappingSettings> => ({
      mappings: await fieldMappingsItem.getValue(),
      recipes: await siteRecipesItem.getValue(),
      dateOrders: await dateOrderItem.getValue(),
    }),
    desired: (preset, current) => withMappingPreset(preset as string, current as MappingSettings, Date.now()),
    async write(value) {
      const { mappings, recipes, dateOrders } = value as MappingSettings;
      await fieldMappingsItem.setValue(mappings);
      await siteRecipesItem.setValue(recipes);
      await dateOrderItem.setValue(dateOrders);
    },
    watch(callback) {
      fieldMappingsItem.watch(() => callback());
      siteRecipesItem.watch(() => callback());
      dateOrderItem.watch(() => callback());
    },
  };
}

type ManagedArea = { get(keys?: null): Promise<Record<string, unknown>> };

export function browserPolicyDeps(models: ModelProvider, onModelChange: () => void): Omit<PolicyServiceDeps, 'onChange' | 'now' | 'log'> {
  const managed = (browser.storage as unknown as { managed?: ManagedArea }).managed;
  return {
    readManaged: async () => {
      if (!managed) throw new Error('this browser has no managed storage');
      return managed.get(null);
    },
    watchManaged: (callback) =>
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'managed') callback();
      }),
    targets: {
      tierThresholds: itemTarget(tierThresholdsItem, (preset) => [...(preset as number[])]),
      churnDefinition: itemTarget(indicatorSettingsItem, (preset, current) => withChurnPreset(current, preset)),
      playbook: itemTarget(playbookItem, (preset) => parsePlaybookFile(preset as string)),
      model: modelTarget(models, onModelChange),
      fieldMapping: fieldMappingTarget(),
      experiments: itemTarget(experimentsItem, (preset, current) => withExperimentsPreset(current, preset as string)),
    },
    applied: { get: () => policyAppliedItem.getValue(), set: (value) => policyAppliedItem.setValue(value) },
  };
}
