import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger } from '@/components/format';
import type { MonitoringReport } from '@/lib/monitoring/monitoring-report';
import { RATE_DRIFT } from '@/lib/monitoring/tier-review';
import { buttonClass, Notice } from '../ui';
import { metricText, rateText } from './format';
import { TableHead } from './TableHead';

/** Churn rate per tier now vs the table the tiers were set on; when a tier moved, the profit-curve cut-off is offered again. */
export function TierReviewCard({ report, locale }: { report: MonitoringReport; locale: string }) {
  const { tiers } = report;
  return (
    <Card level={3} title={i18n.t('monitoring.tiers.title')} subtitle={i18n.t('monitoring.tiers.hint', [metricText(RATE_DRIFT * 100, locale, 0)])}>
      {tiers.noReference ? (
        <p className="text-sm text-slate-600">{i18n.t('monitoring.tiers.noReference')}</p>
      ) : (
        <table className="w-full text-sm" data-testid="tier-review">
          <TableHead
            columns={[
              { label: i18n.t('monitoring.calibration.tier') },
              { label: i18n.t('monitoring.tiers.setOn') },
              { label: i18n.t('monitoring.tiers.now') },
              { label: i18n.t('monitoring.live.outcomes') },
            ]}
          />
          <tbody>
            {[...tiers.rows].reverse().map((row) => (
              <tr key={row.tier} className="border-b border-slate-100" data-tier={row.tier} data-drifted={row.drifted || undefined}>
                <td className="px-2 py-1.5">{i18n.t('monitoring.calibration.tierN', [String(row.tier)])}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{rateText(row.reference.churnRate, locale)}</td>
                <td className={`px-2 py-1.5 text-right tabular-nums ${row.drifted ? 'font-semibold text-red-700' : ''}`}>
                  {rateText(row.live.churnRate, locale)}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatInteger(row.live.outcomes, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tiers.review && (
        <div className="mt-3">
          <Notice tone="warning" title={i18n.t('monitoring.tiers.driftedTitle')}>
            <p>{i18n.t('monitoring.tiers.driftedDetail')}</p>
            <a href="#/risk/profit" className={`${buttonClass('secondary', 'sm')} mt-2`} data-testid="review-cutoff">
              {i18n.t('monitoring.tiers.reviewCutoff')}
            </a>
          </Notice>
        </div>
      )}
    </Card>
  );
}
