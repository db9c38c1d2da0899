import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Skeleton } from '@/components/Skeleton';
import { useRequest } from '@/components/useRequest';
import type { AlertEvent } from '@/lib/alerts/alert-log';
import { sendMessage } from '@/lib/messaging/browser-client';

/** "1 customer …" / "3 customers …": English needs the singular, Chinese reads the same either way. */
const counted = (count: number, one: string, many: string) => (count === 1 ? one : many);

function headline(event: AlertEvent): string {
  return event.kind === 'rise'
    ? i18n.t('alerts.digest.rose', [String(event.from ?? '?'), String(event.tier)])
    : i18n.t('alerts.digest.due', [String(event.tier)]);
}

/** The popup's daily digest: what rose or fell due in the last 24 hours, each customer one click from its CRM page. */
export function AlertDigest() {
  const request = useRequest(async () => {
    const [digest, { settings }] = await Promise.all([sendMessage('getAlertDigest', {}), sendMessage('getAlertSettings', {})]);
    return { digest, enabled: settings.enabled };
  });
  if (request.status === 'loading') return <Skeleton className="h-16" />;
  if (request.status === 'error') return null; // the site panel below stays useful; the digest is a summary
  const { digest, enabled } = request.data;
  const lines = [
    digest.roseTo5 && counted(digest.roseTo5, i18n.t('alerts.digest.rose5One'), i18n.t('alerts.digest.rose5', [String(digest.roseTo5)])),
    digest.roseTo4 && counted(digest.roseTo4, i18n.t('alerts.digest.rose4One'), i18n.t('alerts.digest.rose4', [String(digest.roseTo4)])),
    digest.overdue && counted(digest.overdue, i18n.t('alerts.digest.overdueOne'), i18n.t('alerts.digest.overdue', [String(digest.overdue)])),
  ].filter((line): line is string => !!line);
  const openSettings = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/risk/alerts' as '/options.html') });
  return (
    <section aria-label={i18n.t('alerts.digest.title')} data-alert-digest className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('alerts.digest.title')}</h2>
        <button type="button" className="text-xs font-medium text-sky-700 hover:underline" onClick={openSettings}>
          {enabled ? i18n.t('alerts.digest.settings') : i18n.t('alerts.digest.turnOn')}
        </button>
      </div>
      {lines.length ? (
        <ul className="mt-1 space-y-0.5 font-medium text-slate-900">
          {lines.map((line) => (
            <li key={line} data-digest-line>
              {line}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">{i18n.t('alerts.digest.none')}</p>
      )}
      {digest.heldBack > 0 && <p className="mt-1 text-xs text-slate-500">{i18n.t('alerts.digest.heldBack', [String(digest.heldBack)])}</p>}
      {digest.latest.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-100 border-t border-slate-100">
          {digest.latest.map((event) => (
            <li key={event.id}>
              <button
                type="button"
                className="flex w-full items-baseline justify-between gap-2 py-1 text-left hover:bg-slate-50"
                onClick={() => void sendMessage('openAlert', { id: event.id }).catch(() => undefined)}
              >
                <span className="min-w-0 truncate font-medium text-sky-800">{event.name}</span>
                <span className="shrink-0 text-xs text-slate-500">{headline(event)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
