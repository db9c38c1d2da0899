import { i18n } from '#i18n';
import { sendMessage } from '../lib/messaging/browser-client';
import { formatDateTime, formatInteger } from './format';
import { useRequest } from './useRequest';

/**
 * Says so when history could not be saved (full disk, a blocked upgrade,
 * private mode), what happens to the unsaved rows, and what to do. Nothing
 * when storage is healthy.
 */
export function StorageBanner({ locale }: { locale: string }) {
  const status = useRequest(() => sendMessage('getStatus', {}));
  if (status.status !== 'ready' || !status.data.storageProblem) return null;
  const problem = status.data.storageProblem;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{i18n.t(`storage.${problem.kind}.title`)}</p>
      <p className="mt-1">{i18n.t(`storage.${problem.kind}.action`)}</p>
      <p className="mt-1 text-xs text-amber-900">
        {problem.discarded > 0
          ? i18n.t('storage.discarded', [formatInteger(problem.discarded, locale)])
          : i18n.t('storage.pending', [formatInteger(problem.pending, locale)])}
      </p>
      <p className="mt-1 text-xs break-words text-amber-800/80" title={problem.message}>
        {formatDateTime(problem.at, locale)} · {problem.message}
      </p>
    </div>
  );
}
