import { formatDecimal, formatPercent } from '@/components/format';
import type { PsiLevel } from '@/lib/monitoring/psi';

/** A metric that may be undefined (NaN: a class missing) as text; "—" when there is none. */
export const metricText = (value: number | null | undefined, locale: string, digits = 3) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : formatDecimal(value, locale, digits);
export const rateText = (value: number | null | undefined, locale: string) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : formatPercent(value, locale, 1);
export const psiTone = (level: PsiLevel) => (level === 'drift' ? 'red' : level === 'watch' ? 'amber' : 'green');
