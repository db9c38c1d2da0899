import { i18n } from '#i18n';
import type { ControlHold } from '../lib/experiments/outcomes';
import { formatDate } from './format';

/**
 * "Control group — no outreach until <date>": the customer is held out of an
 * experiment's play so its effect can be measured; they are still scored and
 * their outcome still counts.
 */
export function ControlHoldNotice({ hold, locale }: { hold: ControlHold; locale: string }) {
  return (
    <div role="note" data-control-hold={hold.experimentId} className="rounded-md border border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-900">
      <p className="font-semibold">{i18n.t('experiments.controlHold', [formatDate(hold.until, locale)])}</p>
      <p className="mt-0.5 text-xs text-slate-700">{i18n.t('experiments.controlHoldHint', [hold.name])}</p>
    </div>
  );
}
