import { useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { useBusyAction } from '@/components/useBusyAction';
import { formatDate, formatPercent } from '@/components/format';
import type { ExperimentTarget } from '@/lib/experiments/experiment';
import type { ExperimentView } from '@/lib/experiments/messages';
import { sendMessage } from '@/lib/messaging/browser-client';
import { buttonClass, downloadText, Notice, Pill } from '../ui';
import { ResultTable } from './ResultTable';
import { UpliftBadge } from './UpliftBadge';

export function targetText(target: ExperimentTarget): string {
  if (target.kind === 'at-risk') return i18n.t('experiments.target.atRisk');
  if (target.kind === 'tier') return i18n.t('experiments.target.tier', [String(target.tier)]);
  return i18n.t('experiments.target.rule', [target.ruleId]);
}

const STATUS_TONE = { running: 'sky', stopped: 'slate', finished: 'green' } as const;

/** One experiment: who, how split, until when; its result; stop, finish, export. */
export function ExperimentCard({
  view,
  locale,
  locked,
  onChanged,
}: {
  view: ExperimentView;
  locale: string;
  locked: boolean;
  onChanged: (note?: string) => void;
}) {
  const { experiment, result } = view;
  const { busy, error, run } = useBusyAction();
  const [agent, setAgent] = useState('');
  const finish = () =>
    run(async () => {
      if (!window.confirm(i18n.t('experiments.card.finishConfirm', [experiment.name]))) return;
      const answer = await sendMessage('finishExperiment', { id: experiment.id });
      onChanged(i18n.t(`experiments.consolidation.${answer.consolidation}`));
    });
  const stop = () =>
    run(async () => {
      if (!window.confirm(i18n.t('experiments.card.stopConfirm', [experiment.name]))) return;
      await sendMessage('stopExperiment', { id: experiment.id });
      onChanged();
    });
  const exportResults = () =>
    run(async () => {
      const file = await sendMessage('exportExperimentResults', { id: experiment.id, ...(agent.trim() ? { agent: agent.trim() } : {}) });
      downloadText(file.fileName, file.text);
    });
  const n = (x: number) => new Intl.NumberFormat(locale).format(x);
  return (
    <Card
      level={3}
      title={
        <span className="flex flex-wrap items-center gap-2">
          {experiment.name} <Pill tone={STATUS_TONE[experiment.status]}>{i18n.t(`experiments.status.${experiment.status}`)}</Pill>
        </span>
      }
      subtitle={i18n.t('experiments.card.summary', [
        targetText(experiment.target),
        formatPercent(experiment.controlShare, locale),
        formatDate(experiment.startsAt, locale),
        formatDate(experiment.endsAt, locale),
        n(result.customers),
        n(experiment.plannedSize),
      ])}
    >
      <div data-experiment-id={experiment.id} className="space-y-3">
        <div
          className="h-1.5 w-full overflow-hidden rounded bg-slate-100"
          role="progressbar"
          aria-label={i18n.t('experiments.card.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(Math.min(1, result.progress) * 100)}
        >
          <div className="h-full bg-sky-500" style={{ width: `${Math.min(100, result.progress * 100)}%` }} />
        </div>
        <ResultTable result={result} locale={locale} />
        {experiment.result && <UpliftBadge measured={experiment.result} locale={locale} />}
        {view.ruleMissing && <Notice tone="warning">{i18n.t('experiments.card.ruleMissing')}</Notice>}
        {error && <Notice tone="error">{error}</Notice>}
        <div className="flex flex-wrap items-center gap-2">
          {experiment.status === 'running' && (
            <>
              <button type="button" className={buttonClass('primary', 'sm')} disabled={busy || locked} onClick={() => void finish()}>
                {i18n.t('experiments.card.finish')}
              </button>
              <button type="button" className={buttonClass('danger', 'sm')} disabled={busy || locked} onClick={() => void stop()}>
                {i18n.t('experiments.card.stop')}
              </button>
            </>
          )}
          <span className="ml-auto flex items-center gap-1.5">
            <input
              aria-label={i18n.t('experiments.card.agent')}
              placeholder={i18n.t('experiments.card.agent')}
              value={agent}
              maxLength={120}
              onChange={(e) => setAgent(e.target.value)}
              className="w-36 rounded-md border border-slate-300 px-2 py-1 text-xs"
            />
            <button type="button" className={buttonClass('secondary', 'sm')} disabled={busy} onClick={() => void exportResults()}>
              {i18n.t('experiments.card.export')}
            </button>
          </span>
        </div>
      </div>
    </Card>
  );
}
