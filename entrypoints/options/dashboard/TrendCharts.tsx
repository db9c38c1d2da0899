import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { i18n } from '#i18n';
import { ChartCard } from '@/components/charts/ChartCard';
import { CHART, axisTick, integerTick, percentTick } from '@/components/charts/theme';
import type { KpiView } from '@/lib/kpi/kpi-commands';
import { rateText } from './kpi-format';

const tooltipStyle = { fontSize: 12, borderColor: CHART.axis, borderRadius: 6 } as const;
const legend = { verticalAlign: 'top', height: 24, iconType: 'plainline', wrapperStyle: { fontSize: 12 } } as const;

/** Rates per period (lines), churn and win-back counts per period (bars), and actions per period. */
export function TrendCharts({ report, locale }: { report: KpiView; locale: string }) {
  const pct = percentTick(locale);
  const int = integerTick(locale);
  const none = i18n.t('dashboard.tile.noBase');
  const data = report.periods.map((p) => ({
    label: p.label,
    churnRate: p.churnRate,
    retentionRate: p.retentionRate,
    winBackRate: p.winBackRate,
    activeBase: p.activeBase,
    churned: p.churned,
    wonBack: p.wonBack,
    actions: p.actions,
    retained: p.outcomes.retained,
    atRisk: p.risk.atRisk,
  }));
  const first = data[0]?.label ?? '';
  const last = data[data.length - 1]?.label ?? '';
  const summary = i18n.t('dashboard.trends.summary', [
    String(data.length),
    first,
    last,
    rateText(report.total.churnRate, locale, none),
    rateText(report.total.winBackRate, locale, none),
  ]);
  const rateFormat = (value: unknown) => (value === null || value === undefined ? none : pct(Number(value)));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title={i18n.t('dashboard.trends.ratesTitle')}
        description={i18n.t('dashboard.trends.ratesDescription')}
        summary={summary}
        className="lg:col-span-2"
      >
        <ResponsiveContainer width="100%" height={CHART.height}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={axisTick} stroke={CHART.axis} />
            <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis} width={48} />
            <Tooltip formatter={rateFormat} contentStyle={tooltipStyle} />
            <Legend {...legend} />
            <Line
              name={i18n.t('dashboard.tile.churnRate')}
              dataKey="churnRate"
              stroke={CHART.positive}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              name={i18n.t('dashboard.tile.retention')}
              dataKey="retentionRate"
              stroke={CHART.negative}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              name={i18n.t('dashboard.tile.winBack')}
              dataKey="winBackRate"
              stroke={CHART.primary}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title={i18n.t('dashboard.trends.flowsTitle')} description={i18n.t('dashboard.trends.flowsDescription')} summary={summary}>
        <CountBars
          data={data}
          int={int}
          bars={[
            { name: i18n.t('dashboard.trends.activeBase'), dataKey: 'activeBase', fill: '#cbd5e1' },
            { name: i18n.t('dashboard.trends.churned'), dataKey: 'churned', fill: CHART.positive },
            { name: i18n.t('dashboard.trends.wonBack'), dataKey: 'wonBack', fill: CHART.primary },
          ]}
        />
      </ChartCard>
      <ChartCard title={i18n.t('dashboard.trends.actionsTitle')} description={i18n.t('dashboard.trends.actionsDescription')} summary={summary}>
        <CountBars
          data={data}
          int={int}
          bars={[
            { name: i18n.t('dashboard.trends.actions'), dataKey: 'actions', fill: CHART.secondary },
            { name: i18n.t('dashboard.trends.retained'), dataKey: 'retained', fill: CHART.negative },
          ]}
        />
      </ChartCard>
    </div>
  );
}

/** Counts per period as grouped bars, one bar per series; the same axes, grid and tooltip for every count chart. */
function CountBars({ data, int, bars }: { data: object[]; int: (value: number) => string; bars: readonly { name: string; dataKey: string; fill: string }[] }) {
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} barGap={2}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} stroke={CHART.axis} />
        <YAxis allowDecimals={false} tickFormatter={int} tick={axisTick} stroke={CHART.axis} width={40} />
        <Tooltip formatter={(v) => int(Number(v))} contentStyle={tooltipStyle} cursor={{ fill: '#f1f5f9' }} />
        <Legend {...legend} iconType="square" />
        {bars.map((bar) => (
          <Bar key={bar.dataKey} name={bar.name} dataKey={bar.dataKey} fill={bar.fill} isAnimationActive={false} radius={[3, 3, 0, 0]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
