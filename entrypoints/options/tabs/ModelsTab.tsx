import { lazy, Suspense, useCallback, useState } from 'react';
import { i18n } from '#i18n';
import { Skeleton } from '@/components/Skeleton';
import { DataSection } from '../DataSection';
import { FeedbackSection } from '../FeedbackSection';
import { ActiveModelSection } from '../ActiveModelSection';
import { StoredModelsSection } from '../StoredModelsSection';
import { ScorecardSection } from '../ScorecardSection';
import { TrainSection } from '../TrainSection';
import { MonitoringSection } from '../monitoring/MonitoringSection';
import type { PreparedData } from '../workspace';
import { SectionedTab } from './SectionedTab';

// The charts (recharts) load in their own chunk, after the rest of the console is on screen.
const EvaluationSection = lazy(() => import('../EvaluationSection').then((m) => ({ default: m.EvaluationSection })));

/** Train, evaluate and manage models: the sections share the prepared data set and the model being evaluated. */
export function ModelsTab() {
  const [prepared, setPrepared] = useState<PreparedData | null>(null);
  const [evaluated, setEvaluated] = useState<string | null>(null);
  const onPrepared = useCallback((data: PreparedData | null) => setPrepared(data), []);
  return (
    <SectionedTab
      sections={[
        { id: 'model', title: i18n.t('options.nav.model'), content: <ActiveModelSection /> },
        { id: 'monitoring', title: i18n.t('monitoring.nav'), content: <MonitoringSection /> },
        { id: 'data', title: i18n.t('options.nav.data'), content: <DataSection onChange={onPrepared} /> },
        { id: 'train', title: i18n.t('options.nav.train'), content: <TrainSection data={prepared} onTrained={setEvaluated} /> },
        {
          id: 'evaluation',
          title: i18n.t('options.nav.evaluation'),
          content: (
            <Suspense fallback={<Skeleton className="h-96 w-full" />}>
              <EvaluationSection modelId={evaluated} onSelect={setEvaluated} />
            </Suspense>
          ),
        },
        { id: 'models', title: i18n.t('options.nav.models'), content: <StoredModelsSection onEvaluate={setEvaluated} /> },
        { id: 'scorecard', title: i18n.t('options.nav.scorecard'), content: <ScorecardSection /> },
        { id: 'feedback', title: i18n.t('options.nav.feedback'), content: <FeedbackSection /> },
      ]}
    />
  );
}
