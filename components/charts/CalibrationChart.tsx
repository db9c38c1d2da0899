import { CartesianGrid, ComposedChart, Label, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationBin } from '@/lib/model/types';
import { CHART, axisTick, integerTick, percentTick } from './theme';

export interface CalibrationChartProps {
  bins: readonly CalibrationBin[];
  locale: string;
  xLabel: string;
  yLabel: string;
  seriesLabel: string;
  countLabel: string;
}

/** Reliability: observed churn rate against the mean predicted probability per bin; on the diagonal is calibrated. */
export function CalibrationChart({ bins, locale, xLabel, yLabel, seriesLabel, countLabel }: CalibrationChartProps) {
  const pct = percentTick(locale);
  const int = integerTick(locale);
  const data = bins.map((b) => ({ x: b.meanPredicted, y: b.observedRate, count: b.count }));
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis} width={48}>
          <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke={CHART.reference}
          strokeDasharray="4 4"
          ifOverflow="hidden"
        />
        <Tooltip
          formatter={(value, _name, item) => [`${pct(Number(value))} (${countLabel} ${int((item.payload as { count: number }).count)})`, seriesLabel]}
          labelFormatter={(_, payload) => {
            const point = payload?.[0]?.payload as { x: number } | undefined;
            return point ? `${xLabel} ${pct(point.x)}` : '';
          }}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
        />
        <Line name={seriesLabel} dataKey="y" stroke={CHART.primary} strokeWidth={2} dot={{ r: 3.5, fill: CHART.primary }} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
