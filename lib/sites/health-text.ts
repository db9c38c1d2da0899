import type { Translate } from '../explain/reason-text';
import type { HealthWarning } from './health';

/** One warning in plain words ("/accounts used to show 20 customers and now shows none …"). */
export function warningText(warning: HealthWarning, t: Translate): string {
  if (warning.kind === 'no-customers') return t('popup.warning.no_customers', [warning.pageKey, String(warning.previously)]);
  if (warning.kind === 'recipe-empty') return t('recipes.warning.empty', [warning.recipe, String(warning.expected)]);
  if (warning.kind === 'recipe-short') return t('recipes.warning.short', [warning.recipe, String(warning.found), String(warning.expected)]);
  return t('popup.warning.field_missing', [warning.label, warning.pageKey]);
}

/** The locale key of a health status (popup.health.ok / warning / no_data). */
export function statusKey(status: 'ok' | 'warning' | 'no-data'): string {
  return `popup.health.${status === 'no-data' ? 'no_data' : status}`;
}
