import { CartesianGrid, Label, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LearningPoint } from '@/lib/model/types';
import { CHART, axisTick, decimalTick, integerTick } from './theme';

export interface LearningCurveChartProps {
  points: readonly LearningPoint[];
  locale: string;
  xLabel: string;
  yLabel: string;
}

/** Held-out ROC AUC against the number of training rows: still rising at the right means more data would help. */
export function LearningCurveChart({ points, locale, xLabel, yLabel }: LearningCurveChartProps) {
  const int = integerTick(locale);
  const dec = decimalTick(locale, 2);
  const aucs = points.map((p) => p.roc_auc).filter(Number.isFinite);
  const lo = Math.max(0, Math.floor(((aucs.length ? Math.min(...aucs) : 0.5) - 0.03) * 50) / 50);
  const hi = Math.min(1, Math.ceil(((aucs.length ? Math.max(...aucs) : 1) + 0.02) * 50) / 50);
  return (
    <ResponsiveContainer width="100%" height={CHART.height}>
      <LineChart data={points as LearningPoint[]} margin={{ top: 8, right: 12, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
        <XAxis type="number" dataKey="trainRows" domain={['dataMin', 'dataMax']} tickFormatter={int} tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis type="number" domain={[lo, hi]} tickFormatter={dec} tick={axisTick} stroke={CHART.axis} width={44}>
          <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: 'middle' }} fill={CHART.text} fontSize={CHART.fontSize} />
        </YAxis>
        <Tooltip
          formatter={(value) => [decimalTick(locale, 3)(Number(value)), yLabel]}
          labelFormatter={(label) => `${xLabel} ${int(Number(label))}`}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
        />
        <Line dataKey="roc_auc" name={yLabel} stroke={CHART.primary} strokeWidth={2} dot={{ r: 3.5, fill: CHART.primary }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
