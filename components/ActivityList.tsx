import { i18n } from '#i18n';
import type { ActivityView } from '../lib/messaging/protocol';
import { formatDate } from './format';

/** The latest activities the CRM pages showed (orders, tickets, notes…), newest first. */
export function ActivityList({ activities, locale }: { activities: readonly ActivityView[]; locale: string }) {
  if (activities.length === 0) return <p className="text-sm text-slate-500">{i18n.t('sidepanel.activitiesEmpty')}</p>;
  // Amounts as numbers: the CRM's currency is not known here, and a wrong symbol is worse than none.
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {activities.map((a, i) => (
        <li key={`${a.at}-${i}`} className="flex items-baseline gap-2 py-1.5">
          <span className="w-24 shrink-0 text-xs text-slate-500 tabular-nums">{formatDate(a.at, locale, 'UTC')}</span>
          <span className="shrink-0 rounded bg-slate-100 px-1.5 text-[11px] font-medium text-slate-700">{i18n.t(`activity.${a.kind}`)}</span>
          <span className="min-w-0 flex-1 truncate text-slate-700" title={a.text}>
            {a.text ?? (a.quantity !== undefined ? i18n.t('sidepanel.activityUnits', [String(a.quantity)]) : '')}
            {a.status ? <span className="ml-1 text-xs text-slate-500">· {a.status}</span> : null}
          </span>
          {a.amount !== undefined && <span className="shrink-0 font-medium text-slate-800 tabular-nums">{money.format(a.amount)}</span>}
        </li>
      ))}
    </ul>
  );
}
