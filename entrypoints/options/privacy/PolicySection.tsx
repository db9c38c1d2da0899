import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { settingLabel } from '@/components/LockNotice';
import { uiLocale } from '@/components/ui-locale';
import { StatusMessage } from '@/components/StatusMessage';
import type { PolicyState } from '@/components/usePolicy';
import { LOCKABLE_SETTINGS, type LockableSetting, type ManagedPolicy } from '@/lib/policy/managed-policy';

/** A preset in words: thresholds as percentages, sites listed, files by size. */
function presetText(policy: ManagedPolicy, setting: LockableSetting, locale: string): string | null {
  const value = policy[setting];
  if (value === undefined) return null;
  switch (setting) {
    case 'tierThresholds':
      return (value as number[]).map((t) => `${(t * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`).join(' · ');
    case 'enabledSites':
      return (value as string[]).join(', ');
    case 'churnDefinition':
      return Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => `${key}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ');
    case 'playbook':
    case 'model':
    case 'fieldMapping':
    case 'experiments':
      return i18n.t('privacy.policy.file', [((value as string).length / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })]);
  }
}

/** The whole managed policy: what IT presets, what is locked and why, and what in it could not be used. */
export function PolicySection({ policy }: { policy: PolicyState }) {
  const locale = uiLocale();
  const view = policy.view;
  if (policy.error)
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('privacy.policy.loadError')}
        detail={policy.error}
        action={{ label: i18n.t('privacy.retry'), onClick: policy.reload }}
      />
    );
  if (!view)
    return (
      <Card>
        <p className="text-sm text-slate-500">{i18n.t('privacy.policy.loading')}</p>
      </Card>
    );
  const hasPolicy = Object.keys(view.policy).length > 0 || view.problems.length > 0;
  return (
    <Card>
      <p className="text-sm text-slate-600">
        {!view.available ? i18n.t('privacy.policy.unavailable') : hasPolicy ? i18n.t('privacy.policy.intro') : i18n.t('privacy.policy.none')}
      </p>
      {view.lockReason && (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span className="font-medium">{i18n.t('privacy.policy.reason')}</span> {view.lockReason}
        </p>
      )}
      <table className="mt-3 w-full text-sm" aria-label={i18n.t('privacy.policy.tableLabel')}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {i18n.t('privacy.policy.setting')}
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {i18n.t('privacy.policy.preset')}
            </th>
            <th scope="col" className="py-1.5 font-medium">
              {i18n.t('privacy.policy.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {LOCKABLE_SETTINGS.map((setting) => {
            const preset = presetText(view.policy, setting, locale);
            const locked = view.locked.includes(setting);
            const applied = view.applied[setting];
            return (
              <tr key={setting} data-setting={setting} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                  {settingLabel(setting)}
                </th>
                <td className="py-1.5 pr-3 break-words text-slate-700">
                  {preset ?? <span className="text-slate-500">{i18n.t('privacy.policy.notSet')}</span>}
                </td>
                <td className="py-1.5">
                  {locked ? (
                    <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                      {i18n.t('privacy.policy.locked')}
                    </span>
                  ) : preset ? (
                    <span className="inline-flex items-center rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900">
                      {i18n.t('privacy.policy.default')}
                    </span>
                  ) : (
                    <span className="text-xs text-slate-500">{i18n.t('privacy.policy.userChoice')}</span>
                  )}
                  {preset && applied && (
                    <span className="ml-2 text-xs text-slate-500">{i18n.t('privacy.policy.appliedAt', [new Date(applied).toLocaleString(locale)])}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">{i18n.t('privacy.policy.rules')}</p>
      {view.problems.length > 0 && (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{i18n.t('privacy.policy.problems')}</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
