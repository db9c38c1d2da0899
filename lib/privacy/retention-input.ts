import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../db/retention';

/** What is wrong with a typed retention window, or null when it can be saved. */
export function retentionProblem(text: string): 'notWhole' | 'range' | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'notWhole';
  const days = Number(trimmed);
  return days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS ? 'range' : null;
}
