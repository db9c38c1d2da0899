import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { actionErrorText } from '@/components/action-error';
import { useRequest } from '@/components/useRequest';
import { alertSettingsSchema, type AlertSettings } from '@/lib/alerts/alert-settings';
import { sendMessage } from '@/lib/messaging/browser-client';
import { buttonClass, Notice, Select } from '../ui';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/**
 * Turning desktop alerts on asks the browser for the notifications permission
 * here, in the click (permissions.request needs the user's gesture); a refusal
 * leaves alerts off and says so.
 */
async function mayNotify(): Promise<boolean> {
  if (await browser.permissions.contains(NOTIFICATIONS)) return true;
  return browser.permissions.request(NOTIFICATIONS);
}

/** The agent's alerts: on/off, which rises, due-time alerts, quiet hours, the daily cap, whose customers. */
export function AlertsSection() {
  const request = useRequest(async () => {
    const [{ settings }, worklist] = await Promise.all([
      sendMessage('getAlertSettings', {}),
      sendMessage('getWorklist', {}).catch(() => ({ owners: [] as string[] })),
    ]);
    return { settings, owners: worklist.owners };
  });
  const [draft, setDraft] = useState<AlertSettings | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const loaded = request.status === 'ready' ? request.data.settings : null;
  useEffect(() => {
    if (loaded) setDraft((current) => current ?? loaded);
  }, [loaded]);

  if (request.status === 'error')
    return <StatusMessage tone="error" title={request.message} action={{ label: i18n.t('common.retry'), onClick: () => request.reload() }} />;
  if (request.status === 'loading' || !draft) return <Skeleton className="h-64 w-full" />;
  const edit = (change: Partial<AlertSettings>) => {
    setDraft({ ...draft, ...change });
    setNotice(null);
  };
  const quiet = (change: Partial<AlertSettings['quietHours']>) => edit({ quietHours: { ...draft.quietHours, ...change } });

  async function save() {
    const parsed = alertSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setNotice({ tone: 'error', text: i18n.t('alerts.settings.invalid') });
      return;
    }
    setSaving(true);
    try {
      let settings = parsed.data;
      const refused = settings.enabled && !(await mayNotify());
      if (refused) settings = { ...settings, enabled: false };
      await sendMessage('saveAlertSettings', { settings });
      setDraft(settings);
      setNotice(refused ? { tone: 'warning', text: i18n.t('alerts.settings.denied') } : { tone: 'success', text: i18n.t('alerts.settings.saved') });
    } catch (error) {
      setNotice({ tone: 'error', text: actionErrorText(error) });
    } finally {
      setSaving(false);
    }
  }

  const label = 'flex flex-wrap items-center gap-2 text-sm text-slate-800';
  const time = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-100';
  return (
    <Card title={i18n.t('alerts.settings.cardTitle')} subtitle={i18n.t('alerts.settings.intro')}>
      <form
        aria-label={i18n.t('alerts.settings.title')}
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className={label}>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
          <span className="font-medium">{i18n.t('alerts.settings.enabled')}</span>
          <span className="text-xs text-slate-500">{i18n.t('alerts.settings.enabledHint')}</span>
        </label>
        <fieldset disabled={!draft.enabled} className="space-y-3 border-l-2 border-slate-100 pl-4 disabled:opacity-60">
          <label className={label}>
            {i18n.t('alerts.settings.minTier')}
            <Select value={String(draft.minTier)} onChange={(e) => edit({ minTier: e.target.value === '5' ? 5 : 4 })}>
              <option value="4">{i18n.t('alerts.settings.tier4')}</option>
              <option value="5">{i18n.t('alerts.settings.tier5')}</option>
            </Select>
          </label>
          <label className={label}>
            <input type="checkbox" checked={draft.dueAlerts} onChange={(e) => edit({ dueAlerts: e.target.checked })} />
            {i18n.t('alerts.settings.due')}
          </label>
          <div className={label}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={draft.quietHours.enabled} onChange={(e) => quiet({ enabled: e.target.checked })} />
              {i18n.t('alerts.settings.quiet')}
            </label>
            <label className="flex items-center gap-1">
              {i18n.t('alerts.settings.from')}
              <input
                type="time"
                required
                className={time}
                disabled={!draft.quietHours.enabled}
                value={draft.quietHours.start}
                onChange={(e) => quiet({ start: e.target.value })}
              />
            </label>
            <label className="flex items-center gap-1">
              {i18n.t('alerts.settings.to')}
              <input
                type="time"
                required
                className={time}
                disabled={!draft.quietHours.enabled}
                value={draft.quietHours.end}
                onChange={(e) => quiet({ end: e.target.value })}
              />
            </label>
          </div>
          <p className="text-xs text-slate-500">{i18n.t('alerts.settings.quietHint')}</p>
          <label className={label}>
            {i18n.t('alerts.settings.cap')}
            <input
              type="number"
              min={1}
              max={50}
              required
              className={`${time} w-20`}
              value={draft.dailyCap}
              onChange={(e) => edit({ dailyCap: Number(e.target.value) })}
            />
          </label>
          <label className={label}>
            {i18n.t('alerts.settings.owner')}
            <Select value={draft.owner ?? ''} onChange={(e) => edit({ owner: e.target.value || null })}>
              <option value="">{i18n.t('alerts.settings.ownerAll')}</option>
              {[...new Set([...request.data.owners, ...(draft.owner ? [draft.owner] : [])])].map((owner) => (
                <option key={owner} value={owner}>
                  {owner}
                </option>
              ))}
            </Select>
          </label>
        </fieldset>
        <p className="text-xs text-slate-500">{i18n.t('alerts.settings.control')}</p>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass('primary')} disabled={saving}>
            {i18n.t('alerts.settings.save')}
          </button>
        </div>
        {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      </form>
    </Card>
  );
}
