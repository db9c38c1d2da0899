import { i18n } from '#i18n';
import { LockNotice } from '@/components/LockNotice';
import { usePolicy } from '@/components/usePolicy';
import { AlertsSection } from '../risk/AlertsSection';
import { ChurnDefinitionSection } from '../risk/ChurnDefinitionSection';
import { MatrixSection } from '../risk/MatrixSection';
import { ProfitSection } from '../risk/ProfitSection';
import { TiersSection } from '../risk/TiersSection';
import { useRiskData } from '../risk/useRiskData';
import { SectionedTab } from './SectionedTab';

/** Churn definition, tiers, cost-aware cut-off and risk × value, over the customers stored in this browser; the alerts those tiers set off. */
export function RiskTab() {
  const data = useRiskData();
  const policy = usePolicy();
  const tiersLocked = policy.isLocked('tierThresholds');
  return (
    <SectionedTab
      sections={[
        {
          id: 'churn',
          title: i18n.t('risk.nav.churn'),
          content: (
            <>
              <LockNotice policy={policy} setting="churnDefinition" className="mb-3" />
              <ChurnDefinitionSection locked={policy.isLocked('churnDefinition')} onSaved={() => data.request.reload(true)} />
            </>
          ),
        },
        {
          id: 'tiers',
          title: i18n.t('options.nav.tiers'),
          content: (
            <>
              <LockNotice policy={policy} setting="tierThresholds" className="mb-3" />
              <TiersSection data={data} locked={tiersLocked} />
            </>
          ),
        },
        { id: 'profit', title: i18n.t('risk.nav.profit'), content: <ProfitSection data={data} locked={tiersLocked} /> },
        { id: 'matrix', title: i18n.t('risk.nav.matrix'), content: <MatrixSection data={data} /> },
        // The agent's alerts sit with the tiers they fire on and the due times those tiers set.
        { id: 'alerts', title: i18n.t('alerts.settings.title'), content: <AlertsSection /> },
      ]}
    />
  );
}
