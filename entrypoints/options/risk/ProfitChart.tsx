import { CartesianGrid, Label, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART, axisTick, percentTick } from '@/components/charts/theme';
import type { ProfitPoint } from '@/lib/risk/profit';

export interface ProfitChartProps {
  points: readonly ProfitPoint[];
  best: ProfitPoint | null;
  /** The threshold in force for the tier acted on, for comparison. */
  current: number | null;
  locale: string;
  xLabel: string;
  yLabel: string;
  netLabel: string;
}

/** Expected net value over the threshold, its maximum marked, the current cut-off dashed. */
export function ProfitChart({ points, best, current, locale, xLabel, yLabel, netLabel }: ProfitChartProps) {
  const pct = percentTick(locale);
  const money = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <LineChart data={points as ProfitPoint[]} margin={{ top: 12, right: 16, bottom: 22, left: 8 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="threshold" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis tickFormatter={(v: number) => money.format(v)} tick={axisTick} stroke={CHART.axis} width={56}>
          <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <ReferenceLine y={0} stroke={CHART.reference} />
        {current !== null && <ReferenceLine x={current} stroke={CHART.secondary} strokeDasharray="4 4" />}
        <Tooltip
          labelFormatter={(value) => pct(Number(value))}
          formatter={(value) => [new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Number(value)), netLabel]}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
        />
        <Line type="monotone" dataKey="net" stroke={CHART.primary} strokeWidth={2} dot={false} isAnimationActive={false} />
        {best && <ReferenceLine x={best.threshold} stroke={CHART.primary} strokeDasharray="2 3" />}
        {best && <ReferenceDot x={best.threshold} y={best.net} r={5} fill={CHART.primary} stroke="#fff" strokeWidth={2} />}
      </LineChart>
    </ResponsiveContainer>
  );
}
