import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ChartCard } from '@/components/charts/ChartCard';
import { CHART, axisTick, integerTick } from '@/components/charts/theme';
import { formatInteger } from '@/components/format';
import { TierBadge } from '@/components/TierBadge';
import type { KpiView } from '@/lib/kpi/kpi-commands';
import { AT_RISK_TIER } from '@/lib/kpi/risk';
import { TIER_STYLE } from '@/lib/risk/tiers';
import { moneyText } from './kpi-format';

/** Customers and monthly value per tier now, and at-risk customers at the end of each period. */
export function RiskByTier({ report, locale }: { report: KpiView; locale: string }) {
  const int = integerTick(locale);
  const { riskNow } = report;
  const summary = i18n.t('dashboard.risk.summary', [formatInteger(riskNow.atRisk, locale), moneyText(riskNow.valueAtStake, locale)]);
  const tiers = [...riskNow.tiers].reverse();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={i18n.t('dashboard.risk.title')} subtitle={i18n.t('dashboard.risk.description')}>
        <table className="w-full text-sm" aria-label={i18n.t('dashboard.risk.title')}>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th className="py-1.5 font-medium">{i18n.t('dashboard.risk.tier')}</th>
              <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.risk.customers')}</th>
              <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.risk.value')}</th>
              <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.risk.expectedLoss')}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {tiers.map((t) => (
              <tr key={t.tier} data-tier-row={t.tier} className={`border-b border-slate-100 ${t.tier >= AT_RISK_TIER ? '' : 'text-slate-500'}`}>
                <td className="py-1.5">
                  <TierBadge tier={t.tier} />
                </td>
                <td className="py-1.5 text-right">{formatInteger(t.customers, locale)}</td>
                <td className="py-1.5 text-right">{moneyText(t.value, locale)}</td>
                <td className="py-1.5 text-right">{moneyText(t.expectedLoss, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="tabular-nums">
            <tr className="font-semibold text-slate-900" data-tier-row="at-risk">
              <td className="py-1.5">{i18n.t('dashboard.risk.total')}</td>
              <td className="py-1.5 text-right">{formatInteger(riskNow.atRisk, locale)}</td>
              <td className="py-1.5 text-right">{moneyText(riskNow.valueAtStake, locale)}</td>
              <td className="py-1.5 text-right">{moneyText(riskNow.expectedLoss, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
      <ChartCard title={i18n.t('dashboard.risk.overTime')} description={i18n.t('dashboard.risk.overTimeDescription')} summary={summary}>
        <ResponsiveContainer width="100%" height={CHART.height}>
          <BarChart
            data={report.periods.map((p) => ({ label: p.label, ...Object.fromEntries(p.risk.tiers.map((t) => [`t${t.tier}`, t.customers])) }))}
            margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
          >
            <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axisTick} stroke={CHART.axis} />
            <YAxis allowDecimals={false} tickFormatter={int} tick={axisTick} stroke={CHART.axis} width={40} />
            <Tooltip formatter={(v) => int(Number(v))} contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }} cursor={{ fill: '#f1f5f9' }} />
            <Legend verticalAlign="top" height={24} iconType="square" wrapperStyle={{ fontSize: 12 }} />
            {([3, 4, 5] as const).map((tier) => (
              <Bar
                key={tier}
                name={i18n.t('tier.name', [String(tier)])}
                dataKey={`t${tier}`}
                stackId="risk"
                fill={TIER_STYLE[tier].bg}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
