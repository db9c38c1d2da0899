import { i18n } from '#i18n';
import { TiersSection } from '../TiersSection';
import { SectionedTab } from './SectionedTab';

/** Churn definition, tiers and cost-aware thresholds. */
export function RiskTab() {
  return <SectionedTab sections={[{ id: 'tiers', title: i18n.t('options.nav.tiers'), content: <TiersSection /> }]} />;
}
