import type { ChurnDefinition } from '../indicators/types';

/** Reasons that usually mean the customer did not choose to leave (payment failure, death, moving away). */
export const DEFAULT_INVOLUNTARY_REASONS = [
  'Payment failed',
  'Card declined',
  'Non-payment',
  'Deceased',
  'Moved',
  'Relocated',
  '欠费',
  '付款失败',
  '搬迁',
  '迁出',
  '身故',
];

/** Indicator settings v1 → v2: the churn definition gains the reason field (none yet) and the involuntary reasons. */
export function migrateIndicatorSettingsV2<T extends { churn: ChurnDefinition }>(settings: T): T {
  const churn = settings.churn;
  return {
    ...settings,
    churn: { ...churn, reasonField: churn.reasonField ?? null, involuntaryReasons: churn.involuntaryReasons ?? [...DEFAULT_INVOLUNTARY_REASONS] },
  };
}
