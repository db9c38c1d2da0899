import type { Translate } from '../explain/reason-text';
import type { HealthWarning } from './health';

/** One warning in plain words ("/accounts used to show 20 customers and now shows none …"). */
export function warningText(warning: HealthWarning, t: Translate): string {
  switch (warning.kind) {
    case 'no-customers':
      return t('popup.warning.no_customers', [warning.pageKey, String(warning.previously)]);
    case 'field-missing':
      return t('popup.warning.field_missing', [warning.label, warning.pageKey]);
    case 'recipe-empty':
      return t('recipes.warning.empty', [warning.pageKey, String(warning.expected)]);
    case 'recipe-short':
      return t('recipes.warning.short', [warning.pageKey, String(warning.found), String(warning.expected)]);
  }
}

/** The locale key of a health status (popup.health.ok / warning / no_data). */
export function statusKey(status: 'ok' | 'warning' | 'no-data'): string {
  return `popup.health.${status === 'no-data' ? 'no_data' : status}`;
}
