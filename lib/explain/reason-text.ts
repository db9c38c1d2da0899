import type { Reason } from '../domain';

/** Any translate function: @wxt-dev/i18n's `i18n.t` in the extension, a table in tests. Returns '' for unknown keys. */
export type Translate = (key: string, substitutions?: string[]) => string;

export type Strength = 'strong' | 'moderate' | 'slight';

/** Log-odds cut-offs: 1.0 ≈ ×2.7 odds, 0.4 ≈ ×1.5 odds. */
export function strengthOf(contribution: number): Strength {
  const size = Math.abs(contribution);
  if (size >= 1) return 'strong';
  if (size >= 0.4) return 'moderate';
  return 'slight';
}

/** "MonthlyCharges" → "Monthly charges" when no translation exists. */
export function humanizeKey(key: string): string {
  const spaced = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function fieldLabel(field: string, t: Translate): string {
  return t(`field.${field}`) || humanizeKey(field);
}

/**
 * One plain sentence: the indicator's own meaning when the reason stands for
 * one ("Spend down 40 % over the last 90 days — strongly raises risk"), else
 * the column and its value ("Contract: Month-to-month — strongly raises risk").
 * The meaning's language follows the messages shown (common.intlLocale).
 */
export function reasonSentence(reason: Reason, t: Translate): string {
  const direction = reason.contribution >= 0 ? 'raises' : 'lowers';
  const strength = strengthOf(reason.contribution);
  const zh = t('common.intlLocale').startsWith('zh');
  const meaning = reason.indicator?.meaning;
  if (meaning) return t(`reason.plain.${direction}.${strength}`, [zh ? meaning.zh : meaning.en]);
  const indicatorLabel = reason.indicator?.label;
  const label = indicatorLabel ? (zh ? indicatorLabel.zh : indicatorLabel.en) : fieldLabel(reason.field, t);
  const value = reason.value ?? t('reason.missingValue');
  return t(`reason.${direction}.${strength}`, [label, value]);
}

/** The reasons worth showing: those that raise risk first, biggest first. */
export function topRiskReasons(reasons: readonly Reason[], count: number): Reason[] {
  const raising = reasons.filter((r) => r.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  const lowering = reasons.filter((r) => r.contribution < 0).sort((a, b) => a.contribution - b.contribution);
  return [...raising, ...lowering].slice(0, count);
}
