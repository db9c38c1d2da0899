import { i18n } from '#i18n';
import { upliftVerdict, type UpliftVerdict } from '@/lib/experiments/consolidate';
import type { MeasuredUplift } from '@/lib/experiments/experiment';
import { measuredText } from './format';

/** Colours of a measured play: proven (interval above zero), harmful (below zero), not yet clear. */
export const VERDICT_STYLE: Record<UpliftVerdict, { border: string; badge: string }> = {
  helps: { border: 'border-l-4 border-l-emerald-500', badge: 'bg-emerald-50 text-emerald-900 border-emerald-200' },
  harms: { border: 'border-l-4 border-l-red-500', badge: 'bg-red-50 text-red-900 border-red-200' },
  unclear: { border: 'border-l-4 border-l-amber-400', badge: 'bg-amber-50 text-amber-950 border-amber-200' },
};

/** A playbook rule's measured uplift, coloured by what the interval says. */
export function UpliftBadge({ measured, locale }: { measured: MeasuredUplift; locale: string }) {
  const verdict = upliftVerdict(measured);
  return (
    <p data-uplift={verdict} className={`rounded border px-2 py-1 text-xs ${VERDICT_STYLE[verdict].badge}`}>
      <span className="font-semibold">{i18n.t(`experiments.verdict.${verdict}`)}</span> · {measuredText(measured, locale)}
    </p>
  );
}
