import { i18n } from '#i18n';
import type { ThresholdMetrics } from '@/lib/model/types';
import { formatInteger, formatPercent } from '../format';

/** The 2 × 2 table at a cut-off: rows are what happened, columns what the model said; shaded by share of all customers. */
export function ConfusionMatrix({ metrics, locale }: { metrics: ThresholdMetrics; locale: string }) {
  const total = metrics.tp + metrics.fp + metrics.tn + metrics.fn;
  const cell = (count: number, good: boolean, label: string) => {
    const share = total > 0 ? count / total : 0;
    const alpha = 0.08 + 0.5 * share;
    return (
      <td
        className="border border-slate-200 px-3 py-2.5 text-center"
        style={{ backgroundColor: good ? `rgba(2, 132, 199, ${alpha})` : `rgba(220, 38, 38, ${alpha * 0.8})` }}
      >
        <span className="block text-lg font-semibold text-slate-900 tabular-nums">{formatInteger(count, locale)}</span>
        <span className="block text-xs text-slate-600">
          {label} · {formatPercent(share, locale, 1)}
        </span>
      </td>
    );
  };
  return (
    <table className="w-full border-collapse text-sm" data-testid="confusion-matrix">
      <caption className="mb-1 text-left text-xs font-medium text-slate-500">{i18n.t('options.eval.confusion')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="px-2 pb-1 text-xs font-medium text-slate-500">
            {i18n.t('options.eval.predictedChurn')}
          </th>
          <th scope="col" className="px-2 pb-1 text-xs font-medium text-slate-500">
            {i18n.t('options.eval.predictedStay')}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-500">
            {i18n.t('options.eval.actualChurn')}
          </th>
          {cell(metrics.tp, true, i18n.t('options.eval.tp'))}
          {cell(metrics.fn, false, i18n.t('options.eval.fn'))}
        </tr>
        <tr>
          <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-500">
            {i18n.t('options.eval.actualStay')}
          </th>
          {cell(metrics.fp, false, i18n.t('options.eval.fp'))}
          {cell(metrics.tn, true, i18n.t('options.eval.tn'))}
        </tr>
      </tbody>
    </table>
  );
}
