import { i18n } from '#i18n';
import type { ChurnPattern, Classified, LifecycleStage } from '../lib/indicators/types';
import { pick } from './bilingual';
import { Card } from './Card';

const STAGE_TONE: Record<LifecycleStage, string> = {
  new: 'bg-sky-100 text-sky-900',
  growth: 'bg-emerald-100 text-emerald-900',
  mature: 'bg-slate-100 text-slate-800',
  decline: 'bg-amber-100 text-amber-900',
  churned: 'bg-red-100 text-red-900',
};

/** Lifecycle stage and churn pattern, each with the rule that put the customer there. */
export function LifecycleCard({ lifecycle, pattern, locale }: { lifecycle: Classified<LifecycleStage>; pattern: Classified<ChurnPattern>; locale: string }) {
  return (
    <Card title={i18n.t('sidepanel.lifecycleTitle')}>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500">{i18n.t('sidepanel.lifecycle')}</dt>
          <dd className="mt-0.5">
            {lifecycle.value ? (
              <>
                <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STAGE_TONE[lifecycle.value]}`}>
                  {i18n.t(`lifecycle.${lifecycle.value}`)}
                </span>
                {lifecycle.why && <span className="ml-2 text-xs text-slate-600">{pick(lifecycle.why, locale)}</span>}
              </>
            ) : (
              <span className="text-xs text-slate-500">{i18n.t('common.notAvailable')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{i18n.t('sidepanel.pattern')}</dt>
          <dd className="mt-0.5">
            {pattern.value ? (
              <>
                <span className="font-medium text-slate-800">{i18n.t(`pattern.${pattern.value}`)}</span>
                {pattern.why && <span className="ml-2 text-xs text-slate-600">{pick(pattern.why, locale)}</span>}
              </>
            ) : (
              <span className="text-xs text-slate-500">{i18n.t('common.notAvailable')}</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
