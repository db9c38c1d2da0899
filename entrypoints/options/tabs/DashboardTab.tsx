import { i18n } from '#i18n';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { kpiCsv } from '@/lib/kpi/kpi-csv';
import { Definitions } from '../dashboard/Definitions';
import { KpiTiles } from '../dashboard/KpiTiles';
import { ModelHealth } from '../dashboard/ModelHealth';
import { RANGE_PRESETS, type RangePresetId } from '../dashboard/range';
import { RiskByTier } from '../dashboard/RiskByTier';
import { RuleOutcomes } from '../dashboard/RuleOutcomes';
import { TrendCharts } from '../dashboard/TrendCharts';
import { useKpis } from '../dashboard/useKpis';
import { buttonClass, downloadText, Select } from '../ui';
import { SectionedTab } from './SectionedTab';
import { formatInteger } from '@/components/format';

/**
 * The manager's KPIs over a chosen range: churn, retention and win-back
 * rates, customers and value at risk by tier, actions and outcome rates per
 * playbook rule, lifetime value — computed in the background (lib/kpi), with
 * the definitions written out and a CSV export.
 */
export function DashboardTab() {
  const { request, preset, setPreset, granularity, setGranularity } = useKpis();
  const locale = uiLocale();
  const controls = (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {i18n.t('dashboard.range.label')}
        <Select value={preset} onChange={(e) => setPreset(e.target.value as RangePresetId)}>
          {RANGE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {i18n.t(`dashboard.range.${p.id}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {i18n.t('dashboard.granularity.label')}
        <Select value={granularity} onChange={(e) => setGranularity(e.target.value as 'week' | 'month')}>
          <option value="week">{i18n.t('dashboard.granularity.week')}</option>
          <option value="month">{i18n.t('dashboard.granularity.month')}</option>
        </Select>
      </label>
      <button
        type="button"
        disabled={request.status !== 'ready' || request.data[0].customers === 0}
        className={`${buttonClass('secondary')} ml-auto`}
        onClick={() =>
          request.status === 'ready' &&
          downloadText(`churn-radar-kpis-${new Date().toISOString().slice(0, 10)}.csv`, `\uFEFF${kpiCsv(request.data[0])}`, 'text/csv;charset=utf-8')
        }
      >
        {i18n.t('dashboard.export')}
      </button>
    </div>
  );
  if (request.status === 'loading')
    return (
      <div>
        {controls}
        <Skeleton className="h-96 w-full" />
      </div>
    );
  if (request.status === 'error')
    return (
      <div>
        {controls}
        <StatusMessage
          tone="error"
          title={i18n.t('dashboard.error')}
          detail={request.message}
          action={{ label: i18n.t('common.retry'), onClick: () => request.reload() }}
        />
      </div>
    );
  const [report, playbook] = request.data;
  if (report.customers === 0) {
    return (
      <div>
        {controls}
        <StatusMessage title={i18n.t('dashboard.empty.title')} detail={i18n.t('dashboard.empty.detail')} />
      </div>
    );
  }
  return (
    <div>
      {controls}
      <SectionedTab
        sections={[
          { id: 'overview', title: i18n.t('dashboard.sections.overview'), content: <KpiTiles report={report} locale={locale} /> },
          { id: 'model', title: i18n.t('monitoring.dashboardSection'), content: <ModelHealth locale={locale} /> },
          { id: 'trends', title: i18n.t('dashboard.sections.trends'), content: <TrendCharts report={report} locale={locale} /> },
          { id: 'risk', title: i18n.t('dashboard.sections.risk'), content: <RiskByTier report={report} locale={locale} /> },
          { id: 'playbooks', title: i18n.t('dashboard.sections.playbooks'), content: <RuleOutcomes report={report} playbook={playbook} locale={locale} /> },
          {
            id: 'definitions',
            title: i18n.t('dashboard.sections.definitions'),
            content: (
              <>
                <Definitions />
                <p className="mt-2 text-xs text-slate-500">
                  {i18n.t('dashboard.footnote', [formatInteger(report.customers, locale), formatInteger(report.computeMs, locale)])}
                </p>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
