import { i18n } from '#i18n';
import { formatDecimal, formatInteger } from '@/components/format';
import { MetricTile } from '@/components/MetricTile';
import { Skeleton } from '@/components/Skeleton';
import { inputLabel } from '../input-labels';
import { metricText } from '../monitoring/format';
import { useMonitoring } from '../monitoring/useMonitoring';
import { monitoringWarnings } from '../monitoring/warnings';

/** Dashboard tiles of Models → Monitoring: live AUC against CV, score drift, the largest input drift, and the verdict. */
export function ModelHealth({ locale }: { locale: string }) {
  const request = useMonitoring(null);
  if (request.status === 'loading') return <Skeleton className="h-24 w-full" />;
  if (request.status === 'error') return <p className="text-sm text-red-700">{request.message}</p>;
  const report = request.data.report;
  if (!report) return <p className="text-sm text-slate-600">{i18n.t('monitoring.noModel')}</p>;
  const warnings = monitoringWarnings(report, inputLabel);
  const last = [...report.live.months].reverse().find((m) => m.evaluable);
  const top = report.drift.inputs.find((input) => !input.unread);
  return (
    <div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={i18n.t('monitoring.dashboardSection')} data-testid="model-health">
        <MetricTile
          label={i18n.t('monitoring.tile.liveAuc')}
          value={last ? formatDecimal(last.rocAuc, locale) : '—'}
          hint={last ? i18n.t('monitoring.tile.liveAucHint', [last.month, metricText(report.model.cv.rocAuc, locale)]) : i18n.t('monitoring.live.none')}
        />
        <MetricTile
          label={i18n.t('monitoring.tile.scorePsi')}
          value={report.drift.score ? formatDecimal(report.drift.score.psi, locale) : '—'}
          hint={i18n.t('monitoring.tile.scorePsiHint', [formatInteger(report.drift.recent, locale)])}
        />
        <MetricTile
          label={i18n.t('monitoring.tile.inputPsi')}
          value={top ? formatDecimal(top.psi, locale) : '—'}
          hint={top ? inputLabel(top.source) : i18n.t('monitoring.tile.noInputs')}
        />
        <MetricTile
          label={i18n.t('monitoring.tile.status')}
          value={warnings.length ? i18n.t('monitoring.tile.warn', [formatInteger(warnings.length, locale)]) : i18n.t('monitoring.tile.ok')}
          hint={warnings[0] ?? i18n.t('monitoring.healthy')}
        />
      </dl>
      <a href="#/models/monitoring" className="mt-2 inline-block text-xs font-medium text-sky-700 underline">
        {i18n.t('monitoring.tile.open')}
      </a>
    </div>
  );
}
