import { i18n } from '#i18n';
import { AdapterHealthSection } from '../sites/AdapterHealthSection';
import { EnabledSitesSection } from '../sites/EnabledSitesSection';
import { FieldMappingSection } from '../sites/FieldMappingSection';
import { SectionedTab } from './SectionedTab';

/** Which CRMs the extension reads, how each page's labels map to product fields, and whether reading still works. */
export function SitesTab() {
  return (
    <SectionedTab
      sections={[
        { id: 'enabled-sites', title: i18n.t('options.tabs.sitesEnabled'), content: <EnabledSitesSection /> },
        { id: 'mapping', title: i18n.t('options.tabs.sitesMapping'), content: <FieldMappingSection /> },
        { id: 'health', title: i18n.t('options.tabs.sitesHealth'), content: <AdapterHealthSection /> },
      ]}
    />
  );
}
