import { i18n } from '#i18n';
import { formatInteger } from '@/components/format';
import { MetricTile } from '@/components/MetricTile';
import type { KpiView } from '@/lib/kpi/kpi-commands';
import { moneyText, rateText } from './kpi-format';

/** The headline figures of the range. */
export function KpiTiles({ report, locale }: { report: KpiView; locale: string }) {
  const none = i18n.t('dashboard.tile.noBase');
  const int = (n: number) => formatInteger(n, locale);
  const { total, snapshot, riskNow, actions, lifetimeValue } = report;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3" aria-label={i18n.t('dashboard.sections.overview')}>
      <MetricTile
        label={i18n.t('dashboard.tile.churnRate')}
        value={rateText(total.churnRate, locale, none)}
        hint={i18n.t('dashboard.tile.churnRateHint', [int(total.churned), int(total.activeBase)])}
      />
      <MetricTile
        label={i18n.t('dashboard.tile.retention')}
        value={rateText(total.retentionRate, locale, none)}
        hint={i18n.t('dashboard.tile.retentionHint', [int(total.activeBase - total.churned), int(total.activeBase)])}
      />
      <MetricTile
        label={i18n.t('dashboard.tile.winBack')}
        value={rateText(total.winBackRate, locale, none)}
        hint={i18n.t('dashboard.tile.winBackHint', [int(total.wonBack), int(total.churnedBase)])}
      />
      <MetricTile
        label={i18n.t('dashboard.tile.churnedShare')}
        value={rateText(snapshot.churnedShare, locale, none)}
        hint={i18n.t('dashboard.tile.churnedShareHint', [int(snapshot.churned), int(snapshot.labelled)])}
      />
      <MetricTile label={i18n.t('dashboard.tile.atRisk')} value={int(riskNow.atRisk)} hint={i18n.t('dashboard.tile.atRiskHint')} />
      <MetricTile
        label={i18n.t('dashboard.tile.valueAtStake')}
        value={moneyText(riskNow.valueAtStake, locale)}
        hint={i18n.t('dashboard.tile.valueAtStakeHint', [moneyText(riskNow.expectedLoss, locale)])}
      />
      <MetricTile
        label={i18n.t('dashboard.tile.lifetimeValue')}
        value={lifetimeValue.average === null ? none : moneyText(lifetimeValue.average, locale)}
        hint={
          lifetimeValue.average === null
            ? i18n.t('dashboard.tile.lifetimeValueNone')
            : i18n.t('dashboard.tile.lifetimeValueHint', [int(lifetimeValue.customers)])
        }
      />
      <MetricTile
        label={i18n.t('dashboard.tile.actions')}
        value={int(actions.total)}
        hint={i18n.t('dashboard.tile.actionsHint', [int(actions.outcomes.retained), int(actions.outcomes.churned)])}
      />
      <MetricTile
        label={i18n.t('dashboard.tile.successRate')}
        value={rateText(actions.successRate, locale, none)}
        hint={i18n.t('dashboard.tile.successRateHint')}
      />
    </dl>
  );
}
