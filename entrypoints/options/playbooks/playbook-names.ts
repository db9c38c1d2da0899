import { i18n } from '#i18n';
import type { Strategy } from '@/lib/playbooks/types';
import type { ScriptVariable } from '@/lib/playbooks/variables';

/** Display names for playbook vocabulary (locale keys use "_" where ids use "-"). */
export function strategyName(strategy: Strategy): string {
  return i18n.t(`playbookEditor.strategy.${strategy.replace(/-/g, '_') as 'care_call'}`);
}

export function variableName(variable: ScriptVariable): string {
  return i18n.t(`playbookEditor.variable.${variable}`);
}
