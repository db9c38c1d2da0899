import { z } from 'zod';
import type { KpiProtocol } from './kpi-protocol';

const DAY_MS = 86_400_000;
/** Ten years of weeks is ~520 buckets: plenty, and bounded. */
const MAX_SPAN_MS = 3660 * DAY_MS;

/** Runtime shapes of the KPI messages (see kpi-protocol.ts); merged into requestSchemas. */
export const kpiRequestSchemas = {
  getKpis: z
    .strictObject({ from: z.number().int().nonnegative(), to: z.number().int().positive(), granularity: z.enum(['week', 'month']) })
    .refine((r) => r.to > r.from, 'the range must end after it starts')
    .refine((r) => r.to - r.from <= MAX_SPAN_MS, 'the range can span at most ten years'),
} satisfies Record<keyof KpiProtocol, z.ZodType>;

export const kpiAudience: Record<keyof KpiProtocol, 'extension'> = { getKpis: 'extension' };
