import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDecimal, formatDuration, formatInteger, formatMeanSd, formatPercent } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { StatusMessage } from '@/components/StatusMessage';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { ModelSummary } from '@/lib/messaging/protocol';
import { trainingSpecs } from '@/lib/training/column-mapping';
import { startTraining, TrainingCancelled, type TrainingRun } from '@/lib/training/worker-client';
import { remainingSeconds, type TrainRequest, type TrainingProgress } from '@/lib/training/worker-protocol';
import { ModelSites, useEnabledOrigins } from './ModelSites';
import { createTrainingWorker } from './create-training-worker';
import { Notice, Select, buttonClass } from './ui';
import type { PreparedData } from './workspace';

type Kind = NonNullable<TrainRequest['kind']>;
const KINDS: readonly Kind[] = ['logistic', 'mlp', 'gbt', 'auto'];
const FOLDS = [3, 5, 10] as const;

type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: TrainingProgress; started: number }
  | { status: 'saving' }
  | { status: 'done'; summary: ModelSummary; seconds: number; activated: boolean; activating?: boolean }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface TrainSectionProps {
  data: PreparedData | null;
  /** A new model was stored: show its evaluation. */
  onTrained: (id: string) => void;
}

/** Train and cross-validate in a Web Worker, with progress and Cancel; the result is stored and can be activated. */
export function TrainSection({ data, onTrained }: TrainSectionProps) {
  const locale = uiLocale();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('logistic');
  const [folds, setFolds] = useState<number>(5);
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const run = useRef<TrainingRun | null>(null);
  const nameId = useId();
  const enabledOrigins = useEnabledOrigins();

  // A new data source gets a new default name; editing the mapping keeps the name the manager typed.
  const source = data?.source ?? null;
  useEffect(() => {
    if (source) setName(defaultName(source, locale));
  }, [source, locale]);
  // Leaving the page ends the worker.
  useEffect(() => () => run.current?.cancel(), []);

  if (!data) {
    return (
      <Card>
        <StatusMessage title={i18n.t('options.train.noData')} detail={i18n.t('options.train.noDataHint')} className="border-dashed" />
      </Card>
    );
  }

  async function train(prepared: PreparedData) {
    const parent = await parentFor(prepared.label);
    const request: TrainRequest = {
      rows: prepared.rows,
      columns: prepared.columns,
      label: prepared.label,
      positive: prepared.positive,
      specs: trainingSpecs(prepared.mapping),
      folds,
      name: name.trim() || defaultName(prepared.source, locale),
      source: prepared.source,
      kind,
      ...(parent ? { parent } : {}),
    };
    const started = performance.now();
    setState({ status: 'running', progress: { phase: 'preparing', fold: 0, folds, fraction: 0 }, started });
    const current = startTraining(request, {
      createWorker: createTrainingWorker,
      onProgress: (progress) => setState((s) => (s.status === 'running' ? { ...s, progress } : s)),
    });
    run.current = current;
    try {
      const { artifact, seconds } = await current.result;
      setState({ status: 'saving' });
      const saved = await sendMessage('saveTrainedModel', {
        artifact: artifact as unknown as Record<string, unknown>,
        ...(parent ? { parent } : {}),
        ...(prepared.sites.length ? { sites: prepared.sites } : {}),
      });
      setState({ status: 'done', summary: saved.summary, seconds, activated: saved.summary.active });
      onTrained(saved.summary.id);
    } catch (error) {
      if (error instanceof TrainingCancelled) setState({ status: 'cancelled' });
      else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (run.current === current) run.current = null;
    }
  }

  async function activate(summary: ModelSummary, seconds: number) {
    setState({ status: 'done', summary, seconds, activated: false, activating: true });
    try {
      await sendMessage('activateModel', { id: summary.id });
      setState({ status: 'done', summary, seconds, activated: true });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const running = state.status === 'running' || state.status === 'saving';
  return (
    <Card>
      <p className="mb-3 text-sm text-slate-600">
        {i18n.t('options.train.summary', [
          formatInteger(data.labelledRows, locale),
          formatInteger(data.features, locale),
          formatInteger(data.positives, locale),
          formatPercent(data.labelledRows ? data.positives / data.labelledRows : Number.NaN, locale, 1),
        ])}
      </p>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.4fr)_minmax(0,0.8fr)]">
        <label htmlFor={nameId} className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-500">{i18n.t('options.train.name')}</span>
          <input
            id={nameId}
            value={name}
            disabled={running}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-500">{i18n.t('options.train.kind')}</span>
          <Select value={kind} disabled={running} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {i18n.t(`modelKinds.${k}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-500">{i18n.t('options.train.folds')}</span>
          <Select value={String(folds)} disabled={running} onChange={(e) => setFolds(Number(e.target.value))}>
            {FOLDS.map((k) => (
              <option key={k} value={k}>
                {formatInteger(k, locale)}
              </option>
            ))}
          </Select>
        </label>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass('primary')} disabled={running} onClick={() => void train(data)}>
          {i18n.t('options.train.start')}
        </button>
        {state.status === 'running' && (
          <button type="button" className={buttonClass('danger')} onClick={() => run.current?.cancel()}>
            {i18n.t('options.train.cancel')}
          </button>
        )}
        <span className="text-xs text-slate-500">
          {i18n.t('options.train.workerNote')} {kind === 'mlp' && i18n.t('options.train.slowerKind')}
          {kind === 'gbt' && i18n.t('modelKinds.gbtHint')}
          {kind === 'auto' && i18n.t('modelKinds.autoHint')}
        </span>
      </div>

      {/* Fixed height so the card does not jump as the run moves between states. */}
      <div className="mt-4 min-h-[6.5rem]">
        {state.status === 'running' && <Progress progress={state.progress} started={state.started} rows={data.labelledRows} />}
        {state.status === 'saving' && (
          <Progress progress={{ phase: 'evaluating', fold: 0, folds, fraction: 1 }} started={null} rows={data.labelledRows} saving />
        )}
        {state.status === 'cancelled' && (
          <Notice tone="info" title={i18n.t('options.train.cancelled')}>
            {i18n.t('options.train.cancelledHint')}
          </Notice>
        )}
        {state.status === 'error' && (
          <Notice tone="error" title={i18n.t('options.train.failed')}>
            {state.message}
          </Notice>
        )}
        {state.status === 'done' && (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2.5" data-testid="train-result">
            <p className="text-sm font-semibold text-emerald-900" role="status">
              {i18n.t('options.train.done', [
                formatDuration(state.seconds, locale),
                formatMeanSd(state.summary.metrics.roc_auc, state.summary.metrics.roc_auc_sd, locale),
              ])}
            </p>
            <p className="mt-0.5 text-xs text-emerald-900/80">
              {i18n.t('options.train.doneDetail', [
                state.summary.name,
                formatDecimal(state.summary.metrics.pr_auc, locale),
                formatInteger(state.summary.metrics.rows, locale),
              ])}
            </p>
            {/* The offer to assign: a model trained from a file scores no site until a manager says where. */}
            {state.summary.sites.length === 0 && <p className="mt-1 text-xs text-emerald-900/80">{i18n.t('modelSites.trainedNone')}</p>}
            <ModelSites
              model={state.summary}
              enabled={enabledOrigins}
              startOpen={state.summary.sites.length === 0}
              onSaved={(list) => {
                const summary = list.models.find((m) => m.id === state.summary.id);
                if (summary) setState((s) => (s.status === 'done' ? { ...s, summary } : s));
              }}
            />
            <div className="mt-2 flex flex-wrap gap-2">
              {state.activated ? (
                <span className="text-sm font-medium text-emerald-900">{i18n.t('options.train.activated')}</span>
              ) : (
                <button
                  type="button"
                  className={buttonClass('primary', 'sm')}
                  disabled={state.activating}
                  onClick={() => void activate(state.summary, state.seconds)}
                >
                  {i18n.t('options.train.activate')}
                </button>
              )}
              <a href="#evaluation" className={buttonClass('secondary', 'sm')}>
                {i18n.t('options.train.seeEvaluation')}
              </a>
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}

function Progress({ progress, started, rows, saving = false }: { progress: TrainingProgress; started: number | null; rows: number; saving?: boolean }) {
  const locale = uiLocale();
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (started === null) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [started]);
  const percent = Math.round(progress.fraction * 100);
  const phase = saving
    ? i18n.t('options.train.phase.saving')
    : progress.phase === 'cv'
      ? i18n.t('options.train.phase.cv', [formatInteger(progress.fold, locale), formatInteger(progress.folds, locale)])
      : i18n.t(`options.train.phase.${progress.phase}`);
  const elapsed = started === null ? null : (now - started) / 1000;
  const left = elapsed === null ? null : remainingSeconds(progress.fraction, elapsed);
  const detail = [
    i18n.t('trainProgress.rows', [formatInteger(rows, locale)]),
    ...(saving ? [] : fitDetail(progress, locale)),
    ...(left !== null && left > 0 ? [i18n.t('trainProgress.left', [formatDuration(left, locale)])] : []),
  ].join(' · ');
  return (
    <div data-testid="train-progress">
      <div className="mb-1 flex items-baseline justify-between text-xs text-slate-600">
        <span>{phase}</span>
        <span className="tabular-nums">
          {formatInteger(percent, locale)} %{elapsed !== null && ` · ${formatDuration(elapsed, locale)}`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={i18n.t('options.train.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${phase}, ${percent} %`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-sky-600 transition-[width] duration-300 motion-reduce:transition-none" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500 tabular-nums" data-testid="train-progress-detail">
        {detail}
      </p>
    </div>
  );
}

/** Where the current fit is: the trees' round, the network's epoch, or the model's name. */
function fitDetail(progress: TrainingProgress, locale: string): string[] {
  if (progress.model === 'gbt' && progress.round !== undefined) return [i18n.t('trainProgress.round', [formatInteger(progress.round, locale)])];
  if (progress.model === 'mlp' && progress.epoch !== undefined) {
    return [i18n.t('trainProgress.epoch', [formatInteger(progress.epoch, locale), formatInteger(progress.epochs ?? progress.epoch, locale)])];
  }
  return progress.model === 'logistic' ? [i18n.t('trainProgress.logistic')] : [];
}

function defaultName(source: string, locale: string): string {
  const base = source.replace(/\.(csv|tsv|txt)$/i, '');
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date());
  return `${base} · ${day}`;
}

/** The active model predicting the same label: the version this training retrains. */
async function parentFor(label: string): Promise<string | null> {
  try {
    const list = await sendMessage('listModels', {});
    return list.models.find((m) => m.active && m.label.column === label)?.id ?? null;
  } catch {
    return null;
  }
}
