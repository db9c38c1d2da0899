import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDate, formatInteger } from '@/components/format';
import { sendMessage } from '@/lib/messaging/browser-client';
import { challengerRequest } from '@/lib/monitoring/challenger';
import type { MonitoringReport } from '@/lib/monitoring/monitoring-report';
import { RETRAIN_EVERY_DAYS, type Comparison, type RetrainSchedule } from '@/lib/monitoring/retrain';
import { startTraining, TrainingCancelled, type TrainingRun } from '@/lib/training/worker-client';
import { createTrainingWorker } from '../create-training-worker';
import { buttonClass, Notice, Select } from '../ui';
import { metricText } from './format';
import { TableHead } from './TableHead';

type Step =
  | { step: 'idle' }
  | { step: 'training'; fraction: number }
  | { step: 'comparing' }
  | { step: 'compared'; challenger: { id: string; name: string }; comparison: Comparison; heldOut: number; leftOut: string[] }
  | { step: 'promoting' }
  | { step: 'promoted'; challenger: { id: string; name: string }; replaced: { id: string; name: string } }
  | { step: 'rolledBack' }
  | { step: 'error'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Offers a challenger when monitoring warns or the schedule is due: trains it on observed customers (less a held-out
 * quarter) in the training worker, compares both models on the held-out outcomes, promotes with one click, and keeps
 * the rollback at hand.
 */
export function RetrainCard({ report, locale, onServing }: { report: MonitoringReport; locale: string; onServing: (modelId: string) => void }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [schedule, setSchedule] = useState<RetrainSchedule>(report.retrain.schedule);
  const run = useRef<TrainingRun | null>(null);
  useEffect(() => () => run.current?.cancel(), []);
  const { model } = report;
  const reasons = report.retrain.reasons;

  async function trainChallenger() {
    setState({ step: 'training', fraction: 0 });
    try {
      const { view, heldOut } = await sendMessage('getChallengerRows', {});
      if (!view.rows.length) throw new Error(i18n.t('monitoring.retrain.noRows'));
      const built = challengerRequest(view, model, {
        name: i18n.t('monitoring.retrain.challengerName', [model.name, formatDate(Date.now(), locale)]),
        source: i18n.t('options.data.observedSource'),
      });
      if (!built.ok) throw new Error(i18n.t('monitoring.retrain.notReady', [built.problems.join(', ')]));
      const current = startTraining(built.request, {
        createWorker: createTrainingWorker,
        onProgress: (progress) => setState((s) => (s.step === 'training' ? { step: 'training', fraction: progress.fraction } : s)),
      });
      run.current = current;
      const { artifact } = await current.result;
      run.current = null;
      setState({ step: 'comparing' });
      const saved = await sendMessage('saveTrainedModel', {
        artifact: artifact as unknown as Record<string, unknown>,
        parent: model.id,
        ...(view.sites.length ? { sites: view.sites } : {}),
      });
      const comparison = await sendMessage('compareChallenger', { challengerId: saved.summary.id, championId: model.id });
      setState({ step: 'compared', challenger: { id: saved.summary.id, name: saved.summary.name }, comparison, heldOut, leftOut: built.leftOut });
    } catch (error) {
      run.current = null;
      setState(error instanceof TrainingCancelled ? { step: 'idle' } : { step: 'error', message: errorText(error) });
    }
  }

  async function promote(challenger: { id: string; name: string }) {
    setState({ step: 'promoting' });
    try {
      await sendMessage('activateModel', { id: challenger.id });
      setState({ step: 'promoted', challenger, replaced: { id: model.id, name: model.name } });
      onServing(challenger.id);
    } catch (error) {
      setState({ step: 'error', message: errorText(error) });
    }
  }

  async function rollback(id: string, to: string) {
    try {
      await sendMessage('rollbackModel', { id });
      setState({ step: 'rolledBack' });
      onServing(to);
    } catch (error) {
      setState({ step: 'error', message: errorText(error) });
    }
  }

  async function saveSchedule(everyDays: RetrainSchedule['everyDays']) {
    setSchedule({ everyDays });
    try {
      await sendMessage('saveRetrainSchedule', { everyDays });
    } catch (error) {
      setState({ step: 'error', message: errorText(error) });
    }
  }

  const busy = state.step === 'training' || state.step === 'comparing' || state.step === 'promoting';
  return (
    <Card level={3} title={i18n.t('monitoring.retrain.title')} subtitle={i18n.t('monitoring.retrain.hint')}>
      {reasons.length > 0 ? (
        <Notice tone="warning" title={i18n.t('monitoring.retrain.offered')}>
          <span data-testid="retrain-reasons">{reasons.map((r) => i18n.t(`monitoring.retrain.reason.${r}`)).join(i18n.t('monitoring.listSeparator'))}</span>
        </Notice>
      ) : (
        <p className="text-sm text-slate-600">{i18n.t('monitoring.retrain.quiet')}</p>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <button type="button" className={buttonClass(reasons.length ? 'primary' : 'secondary')} disabled={busy} onClick={() => void trainChallenger()}>
          {i18n.t('monitoring.retrain.train')}
        </button>
        {state.step === 'training' && (
          <button type="button" className={buttonClass('danger')} onClick={() => run.current?.cancel()}>
            {i18n.t('options.train.cancel')}
          </button>
        )}
        <label className="ml-auto flex flex-col gap-1 text-xs font-medium text-slate-600">
          {i18n.t('monitoring.retrain.schedule')}
          <Select value={String(schedule.everyDays)} onChange={(e) => void saveSchedule(Number(e.target.value) as RetrainSchedule['everyDays'])}>
            {RETRAIN_EVERY_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 0 ? i18n.t('monitoring.retrain.scheduleOff') : i18n.t('monitoring.retrain.scheduleEvery', [formatInteger(days, locale)])}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <div className="mt-3" aria-live="polite">
        {state.step === 'training' && (
          <p className="text-sm text-slate-600" role="status">
            {i18n.t('monitoring.retrain.training', [formatInteger(Math.round(state.fraction * 100), locale)])}
          </p>
        )}
        {state.step === 'comparing' && (
          <p className="text-sm text-slate-600" role="status">
            {i18n.t('monitoring.retrain.comparing')}
          </p>
        )}
        {state.step === 'error' && (
          <Notice tone="error" title={i18n.t('monitoring.retrain.failed')}>
            {state.message}
          </Notice>
        )}
        {state.step === 'compared' && (
          <ComparisonView state={state} championName={model.name} locale={locale} onPromote={() => void promote(state.challenger)} />
        )}
        {state.step === 'promoted' && (
          <Notice tone="success" title={i18n.t('monitoring.retrain.promoted', [state.challenger.name])}>
            <button type="button" className={`${buttonClass('secondary', 'sm')} mt-1`} onClick={() => void rollback(state.challenger.id, state.replaced.id)}>
              {i18n.t('monitoring.retrain.rollback', [state.replaced.name])}
            </button>
          </Notice>
        )}
        {state.step === 'rolledBack' && <Notice tone="info" title={i18n.t('monitoring.retrain.rolledBack')} />}
      </div>
    </Card>
  );
}

function ComparisonView({
  state,
  championName,
  locale,
  onPromote,
}: {
  state: Extract<Step, { step: 'compared' }>;
  championName: string;
  locale: string;
  onPromote: () => void;
}) {
  const { comparison, challenger } = state;
  const rows = [
    { name: i18n.t('monitoring.retrain.champion', [championName]), figures: comparison.champion },
    { name: i18n.t('monitoring.retrain.challenger', [challenger.name]), figures: comparison.challenger },
  ];
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid="comparison">
      <p className="text-sm text-slate-700">
        {i18n.t('monitoring.retrain.compared', [
          formatInteger(comparison.outcomes, locale),
          formatInteger(comparison.churners, locale),
          formatInteger(state.heldOut, locale),
        ])}
      </p>
      <table className="mt-2 w-full text-sm">
        <TableHead columns={[{ label: i18n.t('monitoring.retrain.model') }, { label: 'ROC AUC' }, { label: 'PR AUC' }, { label: 'Brier' }]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-b border-slate-100">
              <td className="px-2 py-1.5">{row.name}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{metricText(row.figures.rocAuc, locale)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{metricText(row.figures.prAuc, locale)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{metricText(row.figures.brier, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.leftOut.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">{i18n.t('monitoring.retrain.leftOut', [state.leftOut.join(i18n.t('monitoring.listSeparator'))])}</p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass(comparison.challengerBetter ? 'primary' : 'secondary', 'sm')} onClick={onPromote}>
          {i18n.t('monitoring.retrain.promote')}
        </button>
        <span className="text-xs text-slate-600">
          {comparison.challengerBetter ? i18n.t('monitoring.retrain.better') : i18n.t('monitoring.retrain.notBetter')}
        </span>
      </div>
    </div>
  );
}
