import { i18n } from '#i18n';
import type { LockableSetting } from '../lib/policy/managed-policy';
import type { PolicyState } from './usePolicy';

/** The label of each lockable setting, for lock notices and the policy overview. */
export function settingLabel(setting: LockableSetting): string {
  switch (setting) {
    case 'enabledSites':
      return i18n.t('privacy.policy.settings.enabledSites');
    case 'churnDefinition':
      return i18n.t('privacy.policy.settings.churnDefinition');
    case 'tierThresholds':
      return i18n.t('privacy.policy.settings.tierThresholds');
    case 'playbook':
      return i18n.t('privacy.policy.settings.playbook');
    case 'model':
      return i18n.t('privacy.policy.settings.model');
    case 'fieldMapping':
      return i18n.t('privacy.policy.settings.fieldMapping');
    case 'experiments':
      return i18n.t('privacy.policy.settings.experiments');
  }
}

/**
 * Says that a setting is locked by the organisation's policy, and why; renders
 * nothing when it is not. Put it above the controls it disables.
 */
export function LockNotice({ policy, setting, className = '' }: { policy: PolicyState; setting: LockableSetting; className?: string }) {
  if (!policy.isLocked(setting)) return null;
  return (
    <div
      role="note"
      aria-label={i18n.t('privacy.lock.label', [settingLabel(setting)])}
      className={`flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 fill-amber-700">
        <path d="M10 1.5a4.5 4.5 0 0 0-4.5 4.5v2H5a2 2 0 0 0-2 2v6.5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2h-.5V6A4.5 4.5 0 0 0 10 1.5Zm-2.5 4.5a2.5 2.5 0 0 1 5 0v2h-5V6Z" />
      </svg>
      <div>
        <p className="font-medium">{i18n.t('privacy.lock.title', [settingLabel(setting)])}</p>
        <p className="text-xs text-amber-900">{policy.reason ?? i18n.t('privacy.lock.noReason')}</p>
      </div>
    </div>
  );
}
