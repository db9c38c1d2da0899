import { storage } from 'wxt/utils/storage';
import type { RetrainSchedule } from './retrain';

/** The manager's retraining schedule (Models → Monitoring): offer a challenger every N days; 0 = only when monitoring warns. */
export const retrainScheduleItem = storage.defineItem<RetrainSchedule>('local:retrainSchedule', { fallback: { everyDays: 0 }, version: 1 });
