import { Bar, BarChart, CartesianGrid, Label, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART, axisTick, decimalTick } from './theme';

export interface ImportanceChartProps {
  /** Largest first; already labelled for display. */
  items: readonly { label: string; importance: number }[];
  locale: string;
  xLabel: string;
}

const ROW_HEIGHT = 22;

/** Horizontal bars: mean |contribution| per input column, the strongest on top. */
export function ImportanceChart({ items, locale, xLabel }: ImportanceChartProps) {
  const dec = decimalTick(locale, 2);
  const height = Math.max(CHART.height, items.length * ROW_HEIGHT + 48);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={items as { label: string; importance: number }[]} layout="vertical" margin={{ top: 4, right: 16, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={dec} tick={axisTick} stroke={CHART.axis}>
          <Label value={xLabel} position="bottom" offset={6} fill={CHART.text} fontSize={CHART.fontSize} />
        </XAxis>
        <YAxis type="category" dataKey="label" width={150} tick={{ ...axisTick, fill: '#334155' }} stroke={CHART.axis} interval={0} />
        <Tooltip
          formatter={(value) => [decimalTick(locale, 3)(Number(value)), xLabel]}
          contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
          cursor={{ fill: '#f1f5f9' }}
        />
        <Bar dataKey="importance" fill={CHART.primary} isAnimationActive={false} radius={[0, 3, 3, 0]} barSize={14} />
      </BarChart>
    </ResponsiveContainer>
  );
}
