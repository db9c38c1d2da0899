import { useState } from 'react';
import { i18n } from '#i18n';
import { formatInteger } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { Notice, Select } from '../ui';
import { DriftCard } from './DriftCard';
import { inputLabel } from '../input-labels';
import { LivePerformanceCard } from './LivePerformanceCard';
import { RetrainCard } from './RetrainCard';
import { TierReviewCard } from './TierReviewCard';
import { useMonitoring } from './useMonitoring';
import { monitoringWarnings } from './warnings';

/** Models → Monitoring: is the model in service still ranking and calibrated, have its inputs drifted, and what to do about it. */
export function MonitoringSection() {
  const [modelId, setModelId] = useState<string | null>(null);
  const request = useMonitoring(modelId);
  const locale = uiLocale();
  if (request.status === 'loading') return <Skeleton className="h-64 w-full" />;
  if (request.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('monitoring.error')}
        detail={request.message}
        action={{ label: i18n.t('common.retry'), onClick: () => request.reload() }}
      />
    );
  const { report, active } = request.data;
  if (!report) return <StatusMessage title={i18n.t('monitoring.noModel')} detail={i18n.t('monitoring.noModelHint')} />;
  const warnings = monitoringWarnings(report, inputLabel);
  return (
    <div className="space-y-4" data-testid="monitoring" data-model-id={report.model.id}>
      <div className="flex flex-wrap items-end gap-3">
        <p className="text-sm text-slate-700">{i18n.t('monitoring.model', [report.model.name, formatInteger(report.live.overall.outcomes, locale)])}</p>
        {active.length > 1 && (
          <label className="ml-auto flex flex-col gap-1 text-xs font-medium text-slate-600">
            {i18n.t('monitoring.pick')}
            <Select value={report.model.id} onChange={(e) => setModelId(e.target.value)}>
              {active.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name}
                </option>
              ))}
            </Select>
          </label>
        )}
      </div>
      {warnings.length > 0 ? (
        <Notice tone="warning" title={i18n.t('monitoring.warnings')}>
          <ul className="list-disc pl-4" data-testid="monitoring-warnings">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <Notice tone="success" title={i18n.t('monitoring.healthy')} />
      )}
      <LivePerformanceCard report={report} locale={locale} />
      <DriftCard report={report} locale={locale} />
      {/* Not keyed by model: after a promotion the view follows the new champion and the card keeps its rollback. */}
      <RetrainCard report={report} locale={locale} onServing={setModelId} />
      <TierReviewCard report={report} locale={locale} />
    </div>
  );
}
