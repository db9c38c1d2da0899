import { i18n } from '#i18n';
import { useEffect } from 'react';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { usePolicy } from '@/components/usePolicy';
import { useRequest } from '@/components/useRequest';
import { onBackgroundEvent } from '@/lib/messaging/events';
import { sendMessage } from '@/lib/messaging/browser-client';
import { EraseSection } from '../privacy/EraseSection';
import { ExportSection } from '../privacy/ExportSection';
import { ImportSection } from '../privacy/ImportSection';
import { PolicySection } from '../privacy/PolicySection';
import { RetentionSection } from '../privacy/RetentionSection';
import { StoredDataSection } from '../privacy/StoredDataSection';
import { SectionedTab } from './SectionedTab';

/** Data control and the team policy: what is stored, export, import, erase, retention, and what IT presets or locks. */
export function PrivacyTab() {
  const summary = useRequest(() => sendMessage('getDataSummary', {}));
  const policy = usePolicy();
  const { reload } = summary;
  // Erase, import and model changes elsewhere change what is stored.
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);
  const refresh = () => reload(true);

  if (summary.status === 'loading') return <Skeleton className="h-64" />;
  if (summary.status === 'error') {
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('privacy.loadError')}
        detail={summary.message}
        action={{ label: i18n.t('privacy.retry'), onClick: () => reload() }}
      />
    );
  }
  const data = summary.data;
  return (
    <SectionedTab
      sections={[
        { id: 'stored', title: i18n.t('privacy.sections.stored'), content: <StoredDataSection summary={data} /> },
        { id: 'export', title: i18n.t('privacy.sections.export'), content: <ExportSection summary={data} /> },
        { id: 'import', title: i18n.t('privacy.sections.import'), content: <ImportSection onImported={refresh} /> },
        { id: 'erase', title: i18n.t('privacy.sections.erase'), content: <EraseSection summary={data} onErased={refresh} /> },
        { id: 'retention', title: i18n.t('privacy.sections.retention'), content: <RetentionSection days={data.retentionDays} onSaved={refresh} /> },
        { id: 'policy', title: i18n.t('privacy.sections.policy'), content: <PolicySection policy={policy} /> },
      ]}
    />
  );
}
