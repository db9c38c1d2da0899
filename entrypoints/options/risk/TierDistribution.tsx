import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { i18n } from '#i18n';
import { CHART, axisTick, integerTick, percentTick } from '@/components/charts/theme';
import { formatInteger, formatPercent } from '@/components/format';
import type { Tier } from '@/lib/domain';
import { probabilityHistogram } from '@/lib/risk/histogram';
import { THRESHOLD_STEP } from '@/lib/risk/quantiles';
import { TIER_STYLE, tierFor } from '@/lib/risk/tiers';

/** Plot-area insets of the chart, so the handles sit on the same 0–1 axis as the bars. */
const MARGIN = { top: 44, right: 16, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 44;
const X_AXIS_HEIGHT = 24;
const BINS = 50;

export interface TierDistributionProps {
  probabilities: readonly number[];
  thresholds: readonly number[];
  onChange: (thresholds: number[]) => void;
  locale: string;
  disabled?: boolean;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Where threshold `index` may move: strictly between its neighbours. */
function clampAt(thresholds: readonly number[], index: number, value: number): number {
  const lo = (index > 0 ? thresholds[index - 1]! : 0) + THRESHOLD_STEP;
  const hi = (index < thresholds.length - 1 ? thresholds[index + 1]! : 1) - THRESHOLD_STEP;
  return round3(Math.min(hi, Math.max(lo, value)));
}

/**
 * Histogram of the current scores, bars in the colour of the tier they fall
 * in, with one handle per threshold: drag it, or focus it and use the arrow
 * keys (Shift: 5 points; Home/End: as far as the neighbours allow).
 */
export function TierDistribution({ probabilities, thresholds, onChange, locale, disabled }: TierDistributionProps) {
  const plot = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const bins = useMemo(() => probabilityHistogram(probabilities, BINS).map((b) => ({ ...b, mid: (b.from + b.to) / 2 })), [probabilities]);
  const pct = percentTick(locale);

  const move = (index: number, value: number) => {
    const next = [...thresholds];
    next[index] = clampAt(thresholds, index, value);
    if (next[index] !== thresholds[index]) onChange(next);
  };

  const fractionAt = (clientX: number) => {
    const box = plot.current!.getBoundingClientRect();
    return (clientX - box.left) / box.width;
  };

  const onPointerDown = (index: number) => (event: PointerEvent<HTMLDivElement>) => {
    if (disabled) return;
    dragging.current = index;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (index: number) => (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== index) return;
    move(index, fractionAt(event.clientX));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const step = event.shiftKey ? 0.05 : 0.01;
    const value = thresholds[index]!;
    const to: Record<string, number> = {
      ArrowLeft: value - step,
      ArrowDown: value - step,
      ArrowRight: value + step,
      ArrowUp: value + step,
      PageDown: value - 0.1,
      PageUp: value + 0.1,
      Home: 0,
      End: 1,
    };
    if (!(event.key in to)) return;
    event.preventDefault();
    move(index, to[event.key]!);
  };

  return (
    <div className="relative select-none" style={{ height: CHART.height + 16 + 36 }}>
      <ResponsiveContainer width="100%" height={CHART.height + 36}>
        <BarChart data={bins} margin={MARGIN} barCategoryGap={1}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            type="number"
            dataKey="mid"
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tickFormatter={pct}
            tick={axisTick}
            stroke={CHART.axis}
            height={X_AXIS_HEIGHT}
          />
          <YAxis tickFormatter={integerTick(locale)} tick={axisTick} stroke={CHART.axis} width={Y_AXIS_WIDTH} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            contentStyle={{ fontSize: 12, borderColor: CHART.axis, borderRadius: 6 }}
            labelFormatter={(_, payload) => {
              const bin = payload?.[0]?.payload as { from: number; to: number } | undefined;
              return bin ? `${formatPercent(bin.from, locale)} – ${formatPercent(bin.to, locale)}` : '';
            }}
            formatter={(value) => [formatInteger(Number(value), locale), i18n.t('risk.tiers.customers')]}
          />
          <Bar dataKey="count" isAnimationActive={false}>
            {bins.map((b) => (
              <Cell key={b.from} fill={TIER_STYLE[tierFor(b.mid, thresholds)].bg} fillOpacity={0.85} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {/* The handles' layer covers exactly the plot area (same insets as the chart). */}
      <div
        ref={plot}
        className="absolute"
        style={{ left: MARGIN.left + Y_AXIS_WIDTH, right: MARGIN.right, top: MARGIN.top, bottom: 16 + X_AXIS_HEIGHT + MARGIN.bottom }}
      >
        {thresholds.map((t, index) => {
          const tier = (index + 2) as Tier;
          return (
            <div
              key={tier}
              role="slider"
              tabIndex={disabled ? -1 : 0}
              aria-label={i18n.t('risk.tiers.handle', [String(tier)])}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(t * 1000) / 10}
              aria-valuetext={formatPercent(t, locale, 1)}
              aria-disabled={disabled || undefined}
              data-tier-handle={tier}
              onPointerDown={onPointerDown(index)}
              onPointerMove={onPointerMove(index)}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown(index)}
              className={`group absolute top-0 bottom-0 -ml-3 flex w-6 touch-none justify-center outline-none ${disabled ? 'cursor-not-allowed' : 'cursor-ew-resize'}`}
              style={{ left: `${t * 100}%` }}
            >
              <span aria-hidden="true" className="h-full w-0.5 group-focus-visible:w-1" style={{ backgroundColor: TIER_STYLE[tier].bg }} />
              <span
                aria-hidden="true"
                className="absolute rounded px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap shadow group-focus-visible:ring-2 group-focus-visible:ring-sky-500 group-focus-visible:ring-offset-1"
                // Alternate rows so neighbouring labels do not cover each other.
                style={{ backgroundColor: TIER_STYLE[tier].bg, color: TIER_STYLE[tier].fg, top: index % 2 ? -22 : -42 }}
              >
                T{tier} ≥ {formatPercent(t, locale, 1)}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
