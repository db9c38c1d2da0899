import { Bar, BarChart, CartesianGrid, Cell, Label, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TierRow } from '@/lib/model/types';
import { TIER_STYLE } from '@/lib/risk/tiers';
import { CHART, axisTick, percentTick } from './theme';

export interface TierChartProps {
  rows: readonly TierRow[];
  locale: string;
  tierName: (tier: number) => string;
  shareLabel: string;
  rateLabel: string;
  yLabel: string;
}

/** Per tier: share of customers (grey) and churn rate (the tier's colour); the churn rate should climb with the tier. */
export function TierChart({ rows, locale, tierName, shareLabel, rateLabel, yLabel }: TierChartProps) {
  const pct = percentTick(locale);
  const data = rows.map((r) => ({ tier: tierName(r.tier), share: r.share, rate: r.churnRate ?? 0, raw: r }));
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} barGap={2}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="tier" tick={axisTick} stroke={CHART.axis} />
        <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis} width={48}>
          <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <Tooltip
          formatter={(value) => pct(Number(value))}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
          cursor={{ fill: '#f1f5f9' }}
        />
        <Legend
          verticalAlign="top"
          height={24}
          iconType="square"
          wrapperStyle={{ fontSize: 12 }}
          formatter={(value) => <span style={{ color: CHART.text }}>{value}</span>}
        />
        <Bar name={shareLabel} dataKey="share" fill="#94a3b8" isAnimationActive={false} radius={[3, 3, 0, 0]} />
        <Bar name={rateLabel} dataKey="rate" fill={TIER_STYLE[4].bg} isAnimationActive={false} radius={[3, 3, 0, 0]}>
          {data.map((d) => (
            <Cell key={d.raw.tier} fill={TIER_STYLE[d.raw.tier].bg} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
