import { useEffect } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '../lib/messaging/browser-client';
import { onBackgroundEvent } from '../lib/messaging/events';
import { formatDateTime, formatInteger } from './format';
import { useRequest } from './useRequest';

/**
 * Says so when history could not be saved (full disk, a blocked upgrade,
 * private mode), what happens to the unsaved rows, and what to do; and, until
 * the user dismisses it, how many rows were lost for good (the background
 * stopped with them unsaved, or storage failed past the memory cap). Nothing
 * when storage is healthy. Re-reads when the background says storage changed.
 */
export function StorageBanner({ locale }: { locale: string }) {
  const status = useRequest(() => sendMessage('getStatus', {}));
  const { reload } = status;
  useEffect(() => onBackgroundEvent((event) => event.type === 'storage-changed' && reload(true)), [reload]);
  if (status.status !== 'ready') return null;
  const { storageProblem: problem, lostRows: lost } = status.data;
  if (!problem && !lost) return null;
  return (
    <div role="alert" data-storage-banner className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {problem && (
        <>
          <p className="font-semibold">{i18n.t(`storage.${problem.kind}.title`)}</p>
          <p className="mt-1">{i18n.t(`storage.${problem.kind}.action`)}</p>
          <p className="mt-1 text-xs text-amber-900">{i18n.t('storage.pending', [formatInteger(problem.pending, locale)])}</p>
          <p className="mt-1 text-xs break-words text-amber-800/80" title={problem.message}>
            {formatDateTime(problem.at, locale)} · {problem.message}
          </p>
        </>
      )}
      {lost && (
        <div data-lost-rows={lost.rows} className={problem ? 'mt-2 border-t border-amber-200 pt-2' : ''}>
          <p className="font-semibold">{i18n.t('storageLoss.title', [formatInteger(lost.rows, locale)])}</p>
          <p className="mt-1 text-xs text-amber-900">
            {i18n.t(`storageLoss.${lost.cause}`)} {formatDateTime(lost.at, locale)}
          </p>
          <button
            type="button"
            className="mt-2 rounded border border-amber-400 bg-white px-2 py-0.5 text-xs font-medium hover:bg-amber-100"
            onClick={() => void sendMessage('acknowledgeLostRows', {}).then(() => reload(true))}
          >
            {i18n.t('storageLoss.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
