import { CartesianGrid, Label, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurvePoint } from '@/lib/model/types';
import { CHART, axisTick, decimalTick, percentTick } from './theme';

interface CurveSeries {
  name: string;
  colour: string;
  points: readonly CurvePoint[];
}

export interface CurveChartProps {
  series: readonly CurveSeries[];
  xLabel: string;
  yLabel: string;
  locale: string;
  /** The no-skill line: the diagonal (ROC) or a horizontal line at the churn rate (PR). */
  reference: { kind: 'diagonal' } | { kind: 'horizontal'; y: number };
  /** Tooltip line for the point's cut-off, e.g. "Cut-off 0.42". */
  cutoffLabel: (threshold: string) => string;
}

/** ROC and precision-recall curves: 0–1 axes in percent, one line per model, the no-skill reference dashed. */
export function CurveChart({ series, xLabel, yLabel, locale, reference, cutoffLabel }: CurveChartProps) {
  const pct = percentTick(locale);
  const dec = decimalTick(locale);
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <LineChart margin={{ top: 8, right: 12, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis type="number" dataKey="y" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={pct} tick={axisTick} stroke={CHART.axis} width={48}>
          <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        {reference.kind === 'diagonal' ? (
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke={CHART.reference}
            strokeDasharray="4 4"
            ifOverflow="hidden"
          />
        ) : (
          <ReferenceLine y={reference.y} stroke={CHART.reference} strokeDasharray="4 4" ifOverflow="hidden" />
        )}
        <Tooltip
          cursor={{ stroke: CHART.axis }}
          formatter={(value) => pct(Number(value))}
          labelFormatter={(_, payload) => {
            const point = payload?.[0]?.payload as CurvePoint | undefined;
            return point ? `${xLabel} ${pct(point.x)} · ${cutoffLabel(dec(point.threshold))}` : '';
          }}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
        />
        {series.map((s) => (
          <Line
            key={s.name}
            name={s.name}
            data={s.points as CurvePoint[]}
            dataKey="y"
            type="linear"
            stroke={s.colour}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
