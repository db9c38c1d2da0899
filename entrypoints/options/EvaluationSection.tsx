import { useEffect, useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { CalibrationChart } from '@/components/charts/CalibrationChart';
import { ChartCard } from '@/components/charts/ChartCard';
import { ConfusionMatrix } from '@/components/charts/ConfusionMatrix';
import { CurveChart } from '@/components/charts/CurveChart';
import { GainsChart } from '@/components/charts/GainsChart';
import { ImportanceChart } from '@/components/charts/ImportanceChart';
import { LearningCurveChart } from '@/components/charts/LearningCurveChart';
import { CHART } from '@/components/charts/theme';
import { TierChart } from '@/components/charts/TierChart';
import { Card } from '@/components/Card';
import { formatDecimal, formatInteger, formatPercent, labelOr } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { MetricTile } from '@/components/MetricTile';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { tierLabel } from '@/components/TierBadge';
import { useRequest } from '@/components/useRequest';
import type { Tier } from '@/lib/domain';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { ModelArtifact, ModelEvaluation } from '@/lib/model/types';
import { bestF1Cutoff, metricsAtCutoff, tierRows } from '@/lib/training/cutoff';
import { inputLabel } from './input-labels';
import { MeanSd } from './MeanSd';
import { Select, buttonClass } from './ui';

export interface EvaluationSectionProps {
  /** The model to show; null: the first active model. */
  modelId: string | null;
  onSelect: (id: string) => void;
}

/** Cross-validated evaluation of one stored model, with charts. */
export function EvaluationSection({ modelId, onSelect }: EvaluationSectionProps) {
  const list = useRequest(() => sendMessage('listModels', {}));
  const { reload: reloadList } = list;
  useEffect(() => onBackgroundEvent((e) => e.type === 'model-changed' && reloadList(true)), [reloadList]);
  const models = list.status === 'ready' ? list.data.models : [];
  const id = modelId ?? (list.status === 'ready' ? (list.data.activeIds[0] ?? list.data.models[0]?.id ?? null) : null);

  const [loaded, setLoaded] = useState<{ id: string; artifact: ModelArtifact } | { id: string; error: string } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    sendMessage('getModel', { id }).then(
      (model) => live && setLoaded(model ? { id, artifact: model.artifact } : { id, error: i18n.t('options.eval.missing') }),
      (error: unknown) => live && setLoaded({ id, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (list.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('options.eval.errorTitle')}
        detail={list.message}
        action={{ label: i18n.t('common.retry'), onClick: () => reloadList() }}
      />
    );
  if (list.status === 'ready' && !id) {
    return (
      <Card>
        <StatusMessage title={i18n.t('options.eval.none')} detail={i18n.t('options.eval.noneHint')} className="border-dashed" />
      </Card>
    );
  }
  const ready = loaded && id && loaded.id === id ? loaded : null;
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <label className="flex min-w-0 flex-col gap-1">
            <span className="text-xs font-medium text-slate-500">{i18n.t('options.eval.model')}</span>
            <Select value={id ?? ''} onChange={(e) => onSelect(e.target.value)} className="max-w-md" data-testid="evaluation-model">
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                  {m.active ? ` · ${i18n.t('options.models.active')}` : ''}
                </option>
              ))}
            </Select>
          </label>
        </div>
      </Card>
      {!ready ? (
        <EvaluationSkeleton />
      ) : 'error' in ready ? (
        <StatusMessage tone="error" title={i18n.t('options.eval.errorTitle')} detail={ready.error} />
      ) : (
        <Evaluation artifact={ready.artifact} />
      )}
    </div>
  );
}

function Evaluation({ artifact }: { artifact: ModelArtifact }) {
  const locale = uiLocale();
  const m = artifact.metrics;
  const evaluation = artifact.evaluation;
  return (
    <div className="space-y-4" data-testid="evaluation">
      <Card
        level={3}
        title={i18n.t('options.eval.quality')}
        subtitle={i18n.t('options.eval.qualityHint', [formatInteger(m.folds, locale), formatInteger(m.rows, locale)])}
      >
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <MetricTile
            label={i18n.t('options.model.rocAuc')}
            value={<MeanSd mean={m.roc_auc} sd={m.roc_auc_sd} locale={locale} />}
            hint={i18n.t('options.eval.rocHint')}
          />
          <MetricTile
            label={i18n.t('options.model.prAuc')}
            value={<MeanSd mean={m.pr_auc} sd={m.pr_auc_sd} locale={locale} />}
            hint={i18n.t('options.eval.prHint', [formatPercent(m.rows ? m.positives / m.rows : Number.NaN, locale, 1)])}
          />
          <MetricTile label={i18n.t('options.model.brier')} value={formatDecimal(m.brier, locale)} hint={i18n.t('options.model.brierExplain')} />
          <MetricTile
            label={i18n.t('options.eval.kind')}
            value={<span className="text-base">{labelOr(t(`modelKinds.${artifact.kind}`), artifact.kind)}</span>}
            hint={i18n.t('options.eval.features', [formatInteger(m.features, locale)])}
          />
        </dl>
        {m.candidates && m.candidates.length > 1 && (
          <p className="mt-3 text-xs text-slate-600">
            {i18n.t('options.eval.candidates')}{' '}
            {m.candidates.map((c) => `${labelOr(t(`modelKinds.${c.kind}`), c.kind)} ${formatDecimal(c.roc_auc, locale)}`).join(' · ')}
          </p>
        )}
      </Card>
      {evaluation ? (
        <Charts evaluation={evaluation} positives={m.rows ? m.positives / m.rows : 0} rocAuc={m.roc_auc} />
      ) : (
        <StatusMessage title={i18n.t('options.eval.noCharts')} detail={i18n.t('options.eval.noChartsHint')} className="border-dashed" />
      )}
    </div>
  );
}

function Charts({ evaluation, positives, rocAuc: cvRocAuc }: { evaluation: ModelEvaluation; positives: number; rocAuc: number }) {
  const locale = uiLocale();
  const thresholds = useRequest(() => sendMessage('getTierThresholds', {}));
  const { oof } = evaluation;
  const [cutoff, setCutoff] = useState(evaluation.atCutoff.threshold);
  const sliderId = useId();
  const atCutoff = useMemo(() => (oof.p.length ? metricsAtCutoff(oof.p, oof.y, cutoff) : evaluation.atCutoff), [oof, cutoff, evaluation.atCutoff]);
  const tiers = useMemo(
    () => (thresholds.status === 'ready' && oof.p.length ? tierRows(oof.p, oof.y, thresholds.data.thresholds) : evaluation.tiers),
    [thresholds, oof, evaluation.tiers],
  );
  const importance = evaluation.importance.slice(0, 15).map((i) => ({ label: inputLabel(i.source), importance: i.importance }));
  const cutoffLabel = (value: string) => i18n.t('options.eval.atCutoff', [value]);
  const rocAuc = formatDecimal(cvRocAuc, locale);

  return (
    <>
      <Card level={3} title={i18n.t('options.eval.cutoffTitle')} subtitle={i18n.t('options.eval.cutoffHint')}>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={sliderId} className="text-sm font-medium text-slate-700">
            {i18n.t('options.eval.cutoff')}
          </label>
          <input
            id={sliderId}
            type="range"
            min={0.01}
            max={0.99}
            step={0.01}
            value={cutoff}
            onChange={(e) => setCutoff(Number(e.target.value))}
            className="w-56 accent-sky-600"
            aria-valuetext={formatPercent(cutoff, locale)}
            data-testid="cutoff"
          />
          <output htmlFor={sliderId} className="w-14 text-sm font-semibold text-slate-900 tabular-nums">
            {formatPercent(cutoff, locale)}
          </output>
          <button type="button" className={buttonClass('secondary', 'sm')} disabled={!oof.p.length} onClick={() => setCutoff(bestF1Cutoff(oof.p, oof.y))}>
            {i18n.t('options.eval.bestF1')}
          </button>
        </div>
        <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <dl className="grid grid-cols-2 gap-3">
            <MetricTile
              label={i18n.t('options.eval.precision')}
              value={formatPercent(atCutoff.precision, locale, 1)}
              hint={i18n.t('options.eval.precisionHint')}
            />
            <MetricTile label={i18n.t('options.eval.recall')} value={formatPercent(atCutoff.recall, locale, 1)} hint={i18n.t('options.eval.recallHint')} />
            <MetricTile label={i18n.t('options.eval.f1')} value={formatDecimal(atCutoff.f1, locale)} hint={i18n.t('options.eval.f1Hint')} />
            <MetricTile
              label={i18n.t('options.eval.accuracy')}
              value={formatPercent(atCutoff.accuracy, locale, 1)}
              hint={i18n.t('options.eval.accuracyHint')}
            />
          </dl>
          <ConfusionMatrix metrics={atCutoff} locale={locale} />
        </div>
        {oof.p.length > 0 && <p className="mt-2 text-xs text-slate-500">{i18n.t('options.eval.sampleNote', [formatInteger(oof.p.length, locale)])}</p>}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title={i18n.t('options.eval.rocTitle')}
          description={i18n.t('options.eval.rocDescription')}
          summary={i18n.t('options.eval.rocSummary', [rocAuc])}
          aside={`AUC ${rocAuc}`}
        >
          <CurveChart
            series={[{ name: i18n.t('options.eval.thisModel'), colour: CHART.primary, points: evaluation.roc }]}
            xLabel={i18n.t('options.eval.fpr')}
            yLabel={i18n.t('options.eval.tpr')}
            locale={locale}
            reference={{ kind: 'diagonal' }}
            cutoffLabel={cutoffLabel}
          />
        </ChartCard>
        <ChartCard
          title={i18n.t('options.eval.prTitle')}
          description={i18n.t('options.eval.prDescription', [formatPercent(positives, locale, 1)])}
          summary={i18n.t('options.eval.prSummary')}
        >
          <CurveChart
            series={[{ name: i18n.t('options.eval.thisModel'), colour: CHART.primary, points: evaluation.pr }]}
            xLabel={i18n.t('options.eval.recall')}
            yLabel={i18n.t('options.eval.precision')}
            locale={locale}
            reference={{ kind: 'horizontal', y: positives }}
            cutoffLabel={cutoffLabel}
          />
        </ChartCard>
        <ChartCard
          title={i18n.t('options.eval.calibrationTitle')}
          description={i18n.t('options.eval.calibrationDescription')}
          summary={i18n.t('options.eval.calibrationSummary')}
        >
          <CalibrationChart
            bins={evaluation.calibration}
            locale={locale}
            xLabel={i18n.t('options.eval.predicted')}
            yLabel={i18n.t('options.eval.observed')}
            seriesLabel={i18n.t('options.eval.observed')}
            countLabel={i18n.t('options.eval.customers')}
          />
        </ChartCard>
        <ChartCard
          title={i18n.t('options.eval.gainsTitle')}
          description={i18n.t('options.eval.gainsDescription')}
          summary={i18n.t('options.eval.gainsSummary', [formatPercent(evaluation.lift[1]?.cumulativeGain ?? Number.NaN, locale)])}
        >
          <GainsChart
            rows={evaluation.lift}
            locale={locale}
            xLabel={i18n.t('options.eval.decile')}
            liftLabel={i18n.t('options.eval.lift')}
            gainLabel={i18n.t('options.eval.gain')}
          />
        </ChartCard>
        <ChartCard
          title={i18n.t('options.eval.tiersTitle')}
          description={i18n.t('options.eval.tiersDescription')}
          summary={i18n.t('options.eval.tiersSummary')}
        >
          <TierChart
            rows={tiers}
            locale={locale}
            tierName={(tier) => i18n.t('tier.name', [String(tier)])}
            shareLabel={i18n.t('options.eval.share')}
            rateLabel={i18n.t('options.eval.churnRate')}
            yLabel={i18n.t('options.eval.percentOfTier')}
          />
          <TierTable rows={tiers} locale={locale} />
        </ChartCard>
        <ChartCard
          title={i18n.t('options.eval.learningTitle')}
          description={i18n.t('options.eval.learningDescription')}
          summary={i18n.t('options.eval.learningSummary')}
        >
          {evaluation.learningCurve.length ? (
            <LearningCurveChart
              points={evaluation.learningCurve}
              locale={locale}
              xLabel={i18n.t('options.eval.trainRows')}
              yLabel={i18n.t('options.model.rocAuc')}
            />
          ) : (
            <p className="py-16 text-center text-sm text-slate-500">{i18n.t('options.eval.noLearning')}</p>
          )}
        </ChartCard>
        <ChartCard
          className="lg:col-span-2"
          title={i18n.t('options.eval.importanceTitle')}
          description={i18n.t('options.eval.importanceDescription')}
          summary={i18n.t('options.eval.importanceSummary', [importance[0]?.label ?? '–'])}
        >
          <ImportanceChart items={importance} locale={locale} xLabel={i18n.t('options.eval.importance')} />
        </ChartCard>
      </div>
    </>
  );
}

function TierTable({ rows, locale }: { rows: ReturnType<typeof tierRows>; locale: string }) {
  return (
    <table className="mt-2 w-full text-right text-xs tabular-nums" data-testid="tier-table">
      <caption className="sr-only">{i18n.t('options.eval.tiersTitle')}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-500">
          <th scope="col" className="py-1 text-left font-medium">
            {i18n.t('options.tiers.colTier')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {i18n.t('options.eval.customers')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {i18n.t('options.eval.share')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {i18n.t('options.eval.churnRate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rows].reverse().map((r) => (
          <tr key={r.tier} className="border-b border-slate-100 last:border-b-0">
            <th scope="row" className="py-1 text-left font-normal text-slate-700">
              {i18n.t('tier.name', [String(r.tier)])} · {tierLabel(r.tier as Tier)}
            </th>
            <td className="py-1 text-slate-700">{formatInteger(r.count, locale)}</td>
            <td className="py-1 text-slate-700">{formatPercent(r.share, locale, 1)}</td>
            <td className="py-1 font-medium text-slate-900">{r.churnRate === null ? '–' : formatPercent(r.churnRate, locale, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EvaluationSkeleton() {
  return (
    <div className="space-y-4" role="status" aria-label={i18n.t('common.loading')}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 w-full" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-72 w-full" />
        ))}
      </div>
    </div>
  );
}
