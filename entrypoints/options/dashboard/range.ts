import type { Granularity } from '@/lib/kpi/buckets';

/** The dashboard's range presets, ending now; each has the grouping that reads best for it. */
export const RANGE_PRESETS = [
  { id: 'weeks4', days: 28, granularity: 'week' },
  { id: 'weeks12', days: 84, granularity: 'week' },
  { id: 'months6', days: 183, granularity: 'month' },
  { id: 'months12', days: 365, granularity: 'month' },
] as const satisfies readonly { id: string; days: number; granularity: Granularity }[];

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];

export function rangeOf(id: RangePresetId, now: number): { from: number; to: number } {
  const preset = RANGE_PRESETS.find((p) => p.id === id)!;
  return { from: now - preset.days * 86_400_000, to: now };
}
