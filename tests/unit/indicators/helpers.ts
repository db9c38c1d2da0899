/** Small builders for indicator tests: a fixed "today" and activities by days ago. */
import type { Activity, ActivityKind, RawFields } from '@/lib/domain';
import { computeIndicators, DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { prepareContext, type IndicatorContext } from '@/lib/indicators/context';
import type { CustomerHistory, IndicatorSettings, IndicatorValue } from '@/lib/indicators/types';

export const DAY = 86_400_000;
/** The CRM's today in every test: 2024-06-30 (UTC midnight). */
export const AS_OF = Date.UTC(2024, 5, 30);
export const ago = (days: number) => AS_OF - days * DAY;

let next = 0;
const activity = (kind: ActivityKind, days: number, extra: Partial<Activity>): Activity => ({ id: `a${next++}`, kind, at: ago(days), ...extra });

export const order = (days: number, amount?: number, extra: Partial<Activity> = {}) =>
  activity('order', days, { ...(amount !== undefined ? { amount } : {}), ...extra });
export const ticket = (days: number, status?: string, text?: string) =>
  activity('ticket', days, { ...(status !== undefined ? { status } : {}), ...(text !== undefined ? { text } : {}) });
export const note = (days: number, text: string) => activity('note', days, { text });
export const contact = (days: number, text?: string) => activity('contact', days, text !== undefined ? { text } : {});
export const payment = (days: number, status?: string, text?: string) =>
  activity('payment', days, { ...(status !== undefined ? { status } : {}), ...(text !== undefined ? { text } : {}) });

export function history(
  parts: { fields?: RawFields; activities?: Activity[]; observations?: CustomerHistory['observations']; shown?: ActivityKind[]; asOf?: number } = {},
): CustomerHistory {
  return {
    asOf: parts.asOf ?? AS_OF,
    fields: parts.fields ?? {},
    observations: parts.observations ?? [],
    activities: parts.activities ?? [],
    ...(parts.shown ? { shown: parts.shown } : {}),
  };
}

export const SETTINGS: IndicatorSettings = DEFAULT_INDICATOR_SETTINGS;

export function settings(churn: Partial<IndicatorSettings['churn']> = {}, rest: Partial<Omit<IndicatorSettings, 'churn'>> = {}): IndicatorSettings {
  return { ...SETTINGS, ...rest, churn: { ...SETTINGS.churn, ...churn } };
}

/** Indicator values by id. */
export function indicators(h: CustomerHistory, s: IndicatorSettings = SETTINGS): Record<string, IndicatorValue> {
  return Object.fromEntries(computeIndicators(h, s).values.map((v) => [v.id, v]));
}

export function context(h: CustomerHistory, s: IndicatorSettings = SETTINGS): IndicatorContext {
  return prepareContext(h, s);
}
