import type { Translate } from '../explain/reason-text';
import type { HealthWarning } from './health';
import type { HealthStatus } from './health-state';

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

/** Locale message names allow no hyphens: never-read → never_read. */
const snake = (status: HealthStatus) => status.replaceAll('-', '_');

/** The locale key of a health status's short label (healthState.status.ok, …never_read …). */
export function statusKey(status: HealthStatus): string {
  return `healthState.status.${snake(status)}`;
}

/** The locale key of the sentence that explains a status, or null where the label says it all. */
export function statusHintKey(status: HealthStatus): string | null {
  return status === 'ok' || status === 'field-missing' ? null : `healthState.hint.${snake(status)}`;
}
