import { i18n } from '#i18n';
import { formatPercent } from '@/components/format';
import type { ExperimentResult } from '@/lib/experiments/results';
import { formatPointInterval, formatPoints } from './format';

/**
 * One experiment's result: churn per arm with Wilson intervals, the uplift
 * (control churn − treated churn) with Newcombe's interval, and the
 * always-valid view that may be read every day.
 */
export function ResultTable({ result, locale }: { result: ExperimentResult; locale: string }) {
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  const arms = [
    { id: 'treatment', label: i18n.t('experiments.arm.treatment'), arm: result.treatment },
    { id: 'control', label: i18n.t('experiments.arm.control'), arm: result.control },
  ] as const;
  const seq = result.sequential;
  return (
    <div className="space-y-2">
      <table className="w-full text-sm" aria-label={i18n.t('experiments.result.table')}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              {i18n.t('experiments.result.arm')}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {i18n.t('experiments.result.customers')}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {i18n.t('experiments.result.churned')}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {i18n.t('experiments.result.retained')}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {i18n.t('experiments.result.rate')}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {i18n.t('experiments.result.ci')}
            </th>
          </tr>
        </thead>
        <tbody>
          {arms.map(({ id, label, arm }) => (
            <tr key={id} data-arm={id} className="border-b border-slate-100 tabular-nums last:border-0">
              <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-800">
                {label}
              </th>
              <td className="py-1 pr-3 text-right">{n(arm.customers)}</td>
              <td className="py-1 pr-3 text-right">{n(arm.churned)}</td>
              <td className="py-1 pr-3 text-right">{n(arm.retained)}</td>
              <td className="py-1 pr-3 text-right font-medium">{arm.customers ? formatPercent(arm.churnRate, locale, 1) : '–'}</td>
              <td className="py-1 text-right text-slate-600">
                {arm.customers ? `${formatPercent(arm.interval.low, locale, 1)} – ${formatPercent(arm.interval.high, locale, 1)}` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div className="rounded-md bg-slate-50 px-3 py-2" data-uplift-result>
          <dt className="text-xs text-slate-500">{i18n.t('experiments.result.uplift')}</dt>
          <dd className="font-semibold text-slate-900">
            {formatPoints(result.uplift.estimate, locale)}{' '}
            <span className="font-normal text-slate-600">({i18n.t('experiments.result.ci95', [formatPointInterval(result.uplift, locale)])})</span>
          </dd>
          <dd className="text-xs text-slate-500">{i18n.t('experiments.result.upliftHint')}</dd>
        </div>
        <div className={`rounded-md px-3 py-2 ${seq.conclusive ? 'bg-emerald-50' : 'bg-slate-50'}`} data-sequential={seq.conclusive ? 'conclusive' : 'open'}>
          <dt className="text-xs text-slate-500">{i18n.t('experiments.result.sequential')}</dt>
          <dd className="font-semibold text-slate-900">{formatPointInterval(seq, locale)}</dd>
          <dd className="text-xs text-slate-600">
            {seq.conclusive
              ? i18n.t(seq.low > 0 ? 'experiments.result.conclusiveHelps' : 'experiments.result.conclusiveHarms')
              : i18n.t('experiments.result.keepGoing')}
          </dd>
        </div>
      </dl>
    </div>
  );
}
