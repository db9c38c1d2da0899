/** A customer's score history as a sparkline (points, path, marks). */

interface SparkPoint {
  x: number;
  y: number;
  at: number;
  probability: number;
}

export interface Sparkline {
  /** SVG path "M x y L x y …", empty when there are no points. */
  path: string;
  points: SparkPoint[];
}

/**
 * Points of a probability sparkline on a fixed 0–1 scale (so a flat line means
 * a stable risk, not a zoomed-in wiggle), spaced by time, oldest left.
 */
export function sparkline(history: ReadonlyArray<{ at: number; probability: number }>, width: number, height: number, padding = 3): Sparkline {
  const sorted = [...history].filter((p) => Number.isFinite(p.at) && Number.isFinite(p.probability)).sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return { path: '', points: [] };
  const first = sorted[0]!.at;
  const span = sorted[sorted.length - 1]!.at - first;
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  const round = (v: number) => Math.round(v * 10) / 10;
  const points = sorted.map((p, i) => {
    const t = span > 0 ? (p.at - first) / span : sorted.length === 1 ? 0.5 : i / (sorted.length - 1);
    const clamped = Math.min(1, Math.max(0, p.probability));
    return { x: round(padding + t * innerW), y: round(padding + (1 - clamped) * innerH), at: p.at, probability: p.probability };
  });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { path, points };
}

/** x of each mark (an action's time) on a sparkline spanning `history`'s times; marks outside the span are left out. */
export function sparklineMarks(history: ReadonlyArray<{ at: number }>, marks: ReadonlyArray<{ at: number }>, width: number, padding = 3): number[] {
  const times = history.map((p) => p.at).filter(Number.isFinite);
  if (times.length < 2) return [];
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (span <= 0) return [];
  return marks
    .filter((m) => m.at >= first && m.at <= first + span)
    .map((m) => Math.round((padding + ((m.at - first) / span) * (width - 2 * padding)) * 10) / 10);
}
