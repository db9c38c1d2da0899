import { useEffect } from 'react';
import { i18n } from '#i18n';
import { Card } from '../../components/Card';
import { formatPercentRange, tierRanges } from '../../components/format';
import { uiLocale } from '../../components/i18n';
import { Skeleton } from '../../components/Skeleton';
import { StatusMessage } from '../../components/StatusMessage';
import { TierBadge, tierLabel } from '../../components/TierBadge';
import { useRequest } from '../../components/useRequest';
import { sendMessage } from '../../lib/messaging/browser-client';
import { onBackgroundEvent } from '../../lib/messaging/events';
import { TIER_STYLE } from '../../lib/risk/tiers';

/** The five tiers and the churn-probability range of each. Read-only for now. */
export function TiersSection() {
  const request = useRequest(() => sendMessage('getTierThresholds', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);
  const locale = uiLocale();

  return (
    <Card>
      <p className="mb-3 text-sm text-slate-600">{i18n.t('options.tiers.intro')}</p>
      {request.status === 'error' ? (
        <StatusMessage
          tone="error"
          title={i18n.t('options.tiers.errorTitle')}
          detail={request.message}
          action={{ label: i18n.t('common.retry'), onClick: () => reload() }}
        />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{i18n.t('options.tiers.title')}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500">
                <th scope="col" className="py-2 pr-4 font-medium">{i18n.t('options.tiers.colTier')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{i18n.t('options.tiers.colColour')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{i18n.t('options.tiers.colLabel')}</th>
                <th scope="col" className="py-2 text-right font-medium">{i18n.t('options.tiers.colRange')}</th>
              </tr>
            </thead>
            <tbody>
              {request.status === 'loading'
                ? [0, 1, 2, 3, 4].map((i) => (
                    <tr key={i} className="h-11 border-b border-slate-100">
                      <td colSpan={4}>
                        <Skeleton className="h-5 w-full" />
                      </td>
                    </tr>
                  ))
                : tierRanges(request.data.thresholds)
                    .reverse()
                    .map(({ tier, min, max }) => (
                      <tr key={tier} className="h-11 border-b border-slate-100 last:border-b-0">
                        <th scope="row" className="py-2 pr-4 font-normal">
                          <TierBadge tier={tier} size="sm" showLabel={false} />
                        </th>
                        <td className="py-2 pr-4">
                          <span className="flex items-center gap-2">
                            <span
                              aria-hidden="true"
                              className="inline-block h-4 w-4 rounded border border-black/10"
                              style={{ backgroundColor: TIER_STYLE[tier].bg }}
                            />
                            <code className="text-xs text-slate-500">{TIER_STYLE[tier].bg}</code>
                          </span>
                        </td>
                        <td className="py-2 pr-4 text-slate-800 capitalize">{tierLabel(tier)}</td>
                        <td className="py-2 text-right font-medium text-slate-800 tabular-nums">
                          {formatPercentRange(min, max, locale)}
                        </td>
                      </tr>
                    ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
