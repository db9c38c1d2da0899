import { z } from 'zod';
import { INACTIVITY_DAYS_RANGE, MAX_STATUS_VALUES, SPEND_DROP_RANGE, WINDOW_DAYS_RANGE } from './churn-definition';

/** A churn definition's fields and bounds (the options page's editor, and managed policy's presets through .partial()). */
export const churnDefinitionFields = {
  statusValues: z.array(z.string().trim().min(1).max(100)).max(MAX_STATUS_VALUES),
  inactivityDays: z.number().int().min(INACTIVITY_DAYS_RANGE[0]).max(INACTIVITY_DAYS_RANGE[1]).nullable(),
  partialSpendDrop: z.number().min(SPEND_DROP_RANGE[0]).max(SPEND_DROP_RANGE[1]).nullable(),
  windowDays: z.number().int().min(WINDOW_DAYS_RANGE[0]).max(WINDOW_DAYS_RANGE[1]),
  reasonField: z.string().min(1).max(256).nullable().optional(),
  involuntaryReasons: z.array(z.string().max(200)).max(100).optional(),
};
export const churnDefinitionSchema = z.strictObject(churnDefinitionFields);
