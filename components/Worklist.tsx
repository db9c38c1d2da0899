import { useState } from 'react';
import { i18n } from '#i18n';
import { TIERS, type Tier } from '../lib/domain';
import type { WorklistItem } from '@/lib/agent/agent-views';
import { sendMessage } from '../lib/messaging/browser-client';
import { formatDateTime, formatProbability, formatRelativeTime } from './format';
import { Skeleton } from './Skeleton';
import { StatusMessage } from './StatusMessage';
import { TierBadge } from './TierBadge';
import { useRequest } from './useRequest';

/**
 * The at-risk customers this browser has seen, biggest expected loss first,
 * each with its contact due time (by tier, manager-set), filterable by owner
 * and tier; a row opens the customer's CRM page and shows it here.
 */
export function Worklist({ locale, onOpen }: { locale: string; onOpen: (item: WorklistItem) => void }) {
  const [owner, setOwner] = useState('');
  const [tier, setTier] = useState<Tier | 0>(0);
  const list = useRequest(() => sendMessage('getWorklist', { ...(owner ? { owner } : {}), ...(tier ? { tiers: [tier] } : {}) }));
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const select = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-600';

  return (
    <section aria-label={i18n.t('sidepanel.worklist')} className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <label className="text-xs text-slate-600">
          {i18n.t('sidepanel.worklistOwner')}
          <select
            className={`${select} ml-1`}
            value={owner}
            onChange={(e) => {
              setOwner(e.target.value);
              setTimeout(() => list.reload(true), 0);
            }}
          >
            <option value="">{i18n.t('sidepanel.worklistAll')}</option>
            {list.status === 'ready' &&
              list.data.owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
          </select>
        </label>
        <label className="text-xs text-slate-600">
          {i18n.t('sidepanel.worklistTier')}
          <select
            className={`${select} ml-1`}
            value={tier}
            onChange={(e) => {
              setTier(Number(e.target.value) as Tier | 0);
              setTimeout(() => list.reload(true), 0);
            }}
          >
            <option value={0}>{i18n.t('sidepanel.worklistAll')}</option>
            {TIERS.filter((t) => t >= 3).map((t) => (
              <option key={t} value={t}>
                {i18n.t('tier.name', [String(t)])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.status === 'loading' && (
        <div className="space-y-2" role="status" aria-label={i18n.t('common.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      )}
      {list.status === 'error' && (
        <StatusMessage
          tone="error"
          title={i18n.t('sidepanel.worklistError')}
          detail={list.message}
          action={{ label: i18n.t('common.retry'), onClick: () => list.reload() }}
        />
      )}
      {list.status === 'ready' && list.data.items.length === 0 && (
        <StatusMessage title={i18n.t('sidepanel.worklistEmpty')} detail={i18n.t('sidepanel.worklistEmptyHint')} />
      )}
      {list.status === 'ready' && list.data.items.length > 0 && (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {list.data.items.map((item) => {
            const overdue = item.dueAt < Date.now() && !item.lastAction;
            return (
              <li key={`${item.site}|${item.crmId}`} data-worklist-item={item.crmId}>
                <button
                  type="button"
                  onClick={() => onOpen(item)}
                  className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600"
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate font-medium text-slate-900">{item.name}</span>
                    <TierBadge tier={item.tier} size="sm" showLabel={false} />
                  </span>
                  <span className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-600">
                    <span>{formatProbability(item.probability, locale)}</span>
                    {item.expectedLoss !== null && <span>{i18n.t('sidepanel.worklistLoss', [money.format(item.expectedLoss)])}</span>}
                    {item.owner && <span>{item.owner}</span>}
                    {item.overridden && <span>{i18n.t('sidepanel.worklistPinned')}</span>}
                  </span>
                  <span
                    className={`mt-0.5 block text-xs ${overdue ? 'font-semibold text-red-700' : 'text-slate-500'}`}
                    title={formatDateTime(item.dueAt, locale)}
                  >
                    {item.lastAction
                      ? i18n.t('sidepanel.worklistDone', [i18n.t(`action.${item.lastAction.kind}`), formatRelativeTime(item.lastAction.at, Date.now(), locale)])
                      : i18n.t(overdue ? 'sidepanel.worklistOverdue' : 'sidepanel.worklistDue', [formatRelativeTime(item.dueAt, Date.now(), locale)])}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
