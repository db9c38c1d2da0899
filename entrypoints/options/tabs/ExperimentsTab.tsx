import { useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { LockNotice } from '@/components/LockNotice';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { uiLocale } from '@/components/ui-locale';
import { usePolicy } from '@/components/usePolicy';
import { sendMessage } from '@/lib/messaging/browser-client';
import { ExperimentCard } from '../experiments/ExperimentCard';
import { StartForm } from '../experiments/StartForm';
import { TeamMerge } from '../experiments/TeamMerge';
import { useExperiments } from '../experiments/useExperiments';
import { buttonClass, downloadText, Notice } from '../ui';
import { SectionedTab } from './SectionedTab';

/**
 * Experiments on retention plays: start one with a power calculation, watch
 * its result on an always-valid view, finish it to write the measured uplift
 * on the playbook rule; merge agents' results files for the team's result.
 */
export function ExperimentsTab() {
  const state = useExperiments();
  const policy = usePolicy();
  const locale = uiLocale();
  const [note, setNote] = useState<string | null>(null);
  if (state.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('experiments.loadError')}
        detail={state.message}
        action={{ label: i18n.t('common.retry'), onClick: () => state.reload() }}
      />
    );
  if (state.status === 'loading') return <Skeleton className="h-96 w-full" />;
  const { experiments, locked } = state.data;
  const changed = (text?: string) => {
    setNote(text ?? null);
    state.reload(true);
  };
  const exportPolicyFile = async () => {
    const file = await sendMessage('exportExperimentsFile', {});
    downloadText(file.fileName, file.text);
  };
  return (
    <div>
      <LockNotice policy={policy} setting="experiments" className="mb-3" />
      <SectionedTab
        sections={[
          { id: 'start', title: i18n.t('experiments.sections.start'), content: <StartForm locale={locale} disabled={locked} onStarted={() => changed()} /> },
          {
            id: 'results',
            title: i18n.t('experiments.sections.results'),
            content: (
              <div className="space-y-3">
                {note && <Notice tone="success">{note}</Notice>}
                {experiments.length === 0 ? (
                  <Card>
                    <p className="text-sm text-slate-500">{i18n.t('experiments.none')}</p>
                  </Card>
                ) : (
                  experiments.map((view) => <ExperimentCard key={view.experiment.id} view={view} locale={locale} locked={locked} onChanged={changed} />)
                )}
                <p className="text-xs text-slate-500">{i18n.t('experiments.method')}</p>
              </div>
            ),
          },
          {
            id: 'team',
            title: i18n.t('experiments.sections.team'),
            content: (
              <div className="space-y-3">
                <TeamMerge locale={locale} />
                <Card title={i18n.t('experiments.policy.title')} subtitle={i18n.t('experiments.policy.intro')}>
                  <button type="button" className={buttonClass('secondary', 'sm')} onClick={() => void exportPolicyFile()}>
                    {i18n.t('experiments.policy.export')}
                  </button>
                </Card>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
