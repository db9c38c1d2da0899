import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger, formatMeanSd } from '@/components/format';
import type { MonitoringReport } from '@/lib/monitoring/monitoring-report';
import { AUC_DROP, MIN_MONTH_OUTCOMES } from '@/lib/monitoring/live-performance';
import { Pill } from '../ui';
import { metricText, rateText } from './format';
import { TableHead } from './TableHead';

/** ROC AUC, PR AUC, Brier and calibration-in-the-large by month of scoring, under the model's cross-validated figures. */
export function LivePerformanceCard({ report, locale }: { report: MonitoringReport; locale: string }) {
  const { live, model } = report;
  const td = 'px-2 py-1.5 text-right tabular-nums';
  return (
    <Card
      level={3}
      title={i18n.t('monitoring.live.title')}
      subtitle={i18n.t('monitoring.live.hint', [formatInteger(MIN_MONTH_OUTCOMES, locale), metricText(AUC_DROP, locale, 2)])}
    >
      {live.months.length === 0 ? (
        <p className="text-sm text-slate-600">{i18n.t('monitoring.live.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="live-table">
            <TableHead
              columns={[
                { label: i18n.t('monitoring.live.month') },
                { label: i18n.t('monitoring.live.outcomes') },
                { label: i18n.t('monitoring.live.churners') },
                { label: 'ROC AUC' },
                { label: 'PR AUC' },
                { label: 'Brier' },
                { label: i18n.t('monitoring.live.predicted') },
                { label: i18n.t('monitoring.live.observed') },
                { label: i18n.t('monitoring.live.status'), align: 'left' },
              ]}
            />
            <tbody>
              <tr className="border-b border-slate-100 bg-slate-50 text-slate-600">
                <td className="px-2 py-1.5">{i18n.t('monitoring.live.cv')}</td>
                <td className={td}>{formatInteger(model.cv.rows, locale)}</td>
                <td className={td}>—</td>
                <td className={td}>{Number.isFinite(model.cv.rocAuc) ? formatMeanSd(model.cv.rocAuc, model.cv.rocAucSd, locale) : '—'}</td>
                <td className={td}>{metricText(model.cv.prAuc, locale)}</td>
                <td className={td}>{metricText(model.cv.brier, locale)}</td>
                <td className={td} colSpan={2} />
                <td />
              </tr>
              {live.months.map((m) => (
                <tr key={m.month} className="border-b border-slate-100" data-month={m.month} data-alarm={m.aucAlarm || undefined}>
                  <td className="px-2 py-1.5">{m.month}</td>
                  <td className={td}>{formatInteger(m.outcomes, locale)}</td>
                  <td className={td}>{formatInteger(m.churners, locale)}</td>
                  <td className={td}>{metricText(m.rocAuc, locale)}</td>
                  <td className={td}>{metricText(m.prAuc, locale)}</td>
                  <td className={td}>{metricText(m.brier, locale)}</td>
                  <td className={td}>{rateText(m.meanPredicted, locale)}</td>
                  <td className={td}>{rateText(m.observedRate, locale)}</td>
                  <td className="px-2 py-1.5">
                    {!m.evaluable ? (
                      <Pill>{i18n.t('monitoring.live.few')}</Pill>
                    ) : m.aucAlarm ? (
                      <Pill tone="red">{i18n.t('monitoring.live.alarm')}</Pill>
                    ) : m.belowCv ? (
                      <Pill tone="amber">{i18n.t('monitoring.live.below')}</Pill>
                    ) : (
                      <Pill tone="green">{i18n.t('monitoring.live.ok')}</Pill>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CalibrationByTier report={report} locale={locale} />
    </Card>
  );
}

function CalibrationByTier({ report, locale }: { report: MonitoringReport; locale: string }) {
  const tiers = report.live.tiers.filter((t) => t.outcomes > 0);
  if (!tiers.length) return null;
  return (
    <div className="mt-4">
      <h4 className="mb-1 text-xs font-semibold text-slate-700">{i18n.t('monitoring.calibration.title')}</h4>
      <table className="w-full text-sm" data-testid="calibration-table">
        <TableHead
          columns={[
            { label: i18n.t('monitoring.calibration.tier') },
            { label: i18n.t('monitoring.live.outcomes') },
            { label: i18n.t('monitoring.live.predicted') },
            { label: i18n.t('monitoring.live.observed') },
            { label: i18n.t('monitoring.calibration.gap') },
          ]}
        />
        <tbody>
          {tiers.map((t) => (
            <tr key={t.tier} className="border-b border-slate-100" data-alarm={t.alarm || undefined}>
              <td className="px-2 py-1.5">{i18n.t('monitoring.calibration.tierN', [String(t.tier)])}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatInteger(t.outcomes, locale)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{rateText(t.meanPredicted, locale)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{rateText(t.observedRate, locale)}</td>
              <td className={`px-2 py-1.5 text-right tabular-nums ${t.alarm ? 'font-semibold text-red-700' : ''}`}>
                {t.gap === null ? '—' : i18n.t('monitoring.calibration.points', [metricText(t.gap * 100, locale, 1)])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
