import { i18n } from '#i18n';
import { Card } from '../../../components/Card';

/** Placeholder until the tab is built. */
export function DashboardTab() {
  return <Card>{i18n.t('options.tabs.soon')}</Card>;
}
