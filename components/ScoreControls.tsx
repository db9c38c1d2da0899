import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { TIERS, type Tier } from '../lib/domain';
import type { FeedbackView, OverrideView } from '@/lib/agent/agent-views';
import { sendMessage } from '../lib/messaging/browser-client';
import { actionErrorText } from './action-error';
import { Card } from './Card';
import { formatDate, formatDateTime } from './format';
import { tierLabel } from './TierBadge';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "Score looks wrong" (too high / too low, why) and pinning a tier with a reason and an expiry. */
/** `tabId`: the tab the side panel follows; the background accepts these only for that tab's customer (or one chosen in the worklist). */
export function ScoreControls(props: {
  site: string;
  crmId: string;
  tabId: number | null;
  feedback: readonly FeedbackView[];
  override: OverrideView | null;
  locale: string;
}) {
  const [verdict, setVerdict] = useState<'too_high' | 'too_low'>('too_high');
  const [reason, setReason] = useState('');
  const [pinTier, setPinTier] = useState<Tier>(props.override?.tier ?? 3);
  const [pinReason, setPinReason] = useState('');
  const [until, setUntil] = useState(isoDay(Date.now() + 7 * DAY_MS));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const ids = { reason: useId(), pinTier: useId(), pinReason: useId(), until: useId() };

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ tone: 'ok', text: done });
    } catch (e) {
      setMessage({ tone: 'error', text: actionErrorText(e) });
    }
  };
  const flag = () => {
    if (!reason.trim()) return setMessage({ tone: 'error', text: i18n.t('sidepanel.flagNeedsReason') });
    void run(
      () => sendMessage('flagScore', { site: props.site, crmId: props.crmId, tabId: props.tabId, verdict, reason: reason.trim() }),
      i18n.t('sidepanel.flagged'),
    );
    setReason('');
  };
  const pin = () => {
    const expiresAt = Date.parse(`${until}T23:59:59Z`);
    if (!pinReason.trim()) return setMessage({ tone: 'error', text: i18n.t('sidepanel.pinNeedsReason') });
    if (!Number.isFinite(expiresAt) || expiresAt <= Date.now()) return setMessage({ tone: 'error', text: i18n.t('sidepanel.pinNeedsFuture') });
    void run(
      () => sendMessage('setOverride', { site: props.site, crmId: props.crmId, tabId: props.tabId, tier: pinTier, reason: pinReason.trim(), expiresAt }),
      i18n.t('sidepanel.pinned'),
    );
  };
  const unpin = () => void run(() => sendMessage('clearOverride', { site: props.site, crmId: props.crmId, tabId: props.tabId }), i18n.t('sidepanel.unpinned'));

  const input = 'w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-600';
  return (
    <Card title={i18n.t('sidepanel.scoreControls')}>
      <fieldset className="space-y-2">
        <legend className="text-xs font-semibold text-slate-600">{i18n.t('sidepanel.flagTitle')}</legend>
        <div className="flex gap-3 text-sm">
          {(['too_high', 'too_low'] as const).map((v) => (
            <label key={v} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`verdict-${props.crmId}`} checked={verdict === v} onChange={() => setVerdict(v)} />
              {i18n.t(`sidepanel.${v === 'too_high' ? 'flagTooHigh' : 'flagTooLow'}`)}
            </label>
          ))}
        </div>
        <label htmlFor={ids.reason} className="sr-only">
          {i18n.t('sidepanel.flagReason')}
        </label>
        <input
          id={ids.reason}
          className={input}
          value={reason}
          maxLength={500}
          placeholder={i18n.t('sidepanel.flagReason')}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          onClick={flag}
          className="rounded-md bg-slate-900 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          {i18n.t('sidepanel.flagSubmit')}
        </button>
        {props.feedback.length > 0 && (
          <p className="text-xs text-slate-500">
            {i18n.t('sidepanel.flagLast', [formatDateTime(props.feedback[0]!.at, props.locale), props.feedback[0]!.reason])}
          </p>
        )}
      </fieldset>

      <fieldset className="mt-4 space-y-2 border-t border-slate-100 pt-3">
        <legend className="text-xs font-semibold text-slate-600">{i18n.t('sidepanel.pinTitle')}</legend>
        {props.override && (
          <p className="rounded-md bg-slate-100 px-2 py-1 text-xs text-slate-800" data-override>
            {i18n.t('sidepanel.pinActive', [
              String(props.override.tier),
              tierLabel(props.override.tier),
              formatDate(props.override.expiresAt, props.locale),
              props.override.reason,
            ])}
            <button type="button" onClick={unpin} className="ml-2 underline focus-visible:outline-2 focus-visible:outline-sky-600">
              {i18n.t('sidepanel.unpin')}
            </button>
          </p>
        )}
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor={ids.pinTier} className="text-xs text-slate-600">
              {i18n.t('sidepanel.pinTier')}
            </label>
            <select id={ids.pinTier} className={input} value={pinTier} onChange={(e) => setPinTier(Number(e.target.value) as Tier)}>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {i18n.t('tier.name', [String(tier)])} · {tierLabel(tier)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.until} className="text-xs text-slate-600">
              {i18n.t('sidepanel.pinUntil')}
            </label>
            <input id={ids.until} type="date" className={input} value={until} min={isoDay(Date.now() + DAY_MS)} onChange={(e) => setUntil(e.target.value)} />
          </div>
        </div>
        <label htmlFor={ids.pinReason} className="sr-only">
          {i18n.t('sidepanel.pinReason')}
        </label>
        <input
          id={ids.pinReason}
          className={input}
          value={pinReason}
          maxLength={500}
          placeholder={i18n.t('sidepanel.pinReason')}
          onChange={(e) => setPinReason(e.target.value)}
        />
        <button
          type="button"
          onClick={pin}
          className="rounded-md bg-slate-900 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          {i18n.t('sidepanel.pinSubmit')}
        </button>
      </fieldset>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`mt-2 text-xs ${message.tone === 'error' ? 'text-red-700' : 'text-green-700'}`}>
          {message.text}
        </p>
      )}
    </Card>
  );
}
