import { Bar, CartesianGrid, ComposedChart, Label, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LiftRow } from '@/lib/model/types';
import { CHART, axisTick, decimalTick, percentTick } from './theme';

export interface GainsChartProps {
  rows: readonly LiftRow[];
  locale: string;
  xLabel: string;
  liftLabel: string;
  gainLabel: string;
}

/** Lift per decile (bars, left axis) and cumulative share of churners found (line, right axis). */
export function GainsChart({ rows, locale, xLabel, liftLabel, gainLabel }: GainsChartProps) {
  const pct = percentTick(locale);
  const dec = decimalTick(locale, 0);
  const dec1 = decimalTick(locale, 1);
  const data = rows.map((r) => ({ decile: r.decile, lift: r.lift, gain: r.cumulativeGain }));
  // Whole-number lift ticks (1× is the random baseline).
  const top = Math.max(1, Math.ceil(Math.max(0, ...rows.map((r) => (Number.isFinite(r.lift) ? r.lift : 0)))));
  const liftTicks = Array.from({ length: top + 1 }, (_, i) => i);
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="decile" tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis yAxisId="lift" domain={[0, top]} ticks={liftTicks} tickFormatter={(v: number) => `${dec(v)}×`} tick={axisTick} stroke={CHART.axis} width={44}>
          <Label value={liftLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <YAxis
          yAxisId="gain"
          orientation="right"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={pct}
          tick={axisTick}
          stroke={CHART.axis}
          width={48}
        >
          <Label value={gainLabel} angle={90} position="insideRight" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <ReferenceLine yAxisId="lift" y={1} stroke={CHART.reference} strokeDasharray="4 4" />
        <Tooltip
          formatter={(value, name) => (name === liftLabel ? `${dec1(Number(value))}×` : pct(Number(value)))}
          labelFormatter={(label) => `${xLabel} ${label}`}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
        />
        <Bar yAxisId="lift" name={liftLabel} dataKey="lift" fill={CHART.primarySoft} stroke={CHART.primary} isAnimationActive={false} radius={[3, 3, 0, 0]} />
        <Line
          yAxisId="gain"
          name={gainLabel}
          dataKey="gain"
          stroke={CHART.secondary}
          strokeWidth={2}
          dot={{ r: 3, fill: CHART.secondary }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
