import { i18n } from '#i18n';
import { Card } from '../../../components/Card';

/** Placeholder until the section is built. */
export function AdapterHealthSection() {
  return <Card>{i18n.t('options.tabs.soon')}</Card>;
}
