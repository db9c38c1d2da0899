import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { ChartCard, LegendKey } from '@/components/charts/ChartCard';
import { CurveChart } from '@/components/charts/CurveChart';
import { SERIES_COLOURS } from '@/components/charts/theme';
import { Card } from '@/components/Card';
import { formatDateTime, formatDecimal, formatDuration, formatInteger, formatMeanSd, labelOr } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { ModelSummary } from '@/lib/messaging/protocol';
import type { ModelArtifact } from '@/lib/model/types';
import { inputLabel } from './input-labels';

/** Two versions side by side: how each was trained, its quality, its inputs, and both ROC curves on one chart. */
export function CompareModels({ a, b }: { a: ModelSummary; b: ModelSummary }) {
  const locale = uiLocale();
  const [artifacts, setArtifacts] = useState<[ModelArtifact, ModelArtifact] | null>(null);
  useEffect(() => {
    let live = true;
    setArtifacts(null);
    void Promise.all([sendMessage('getModel', { id: a.id }), sendMessage('getModel', { id: b.id })]).then(([x, y]) => {
      if (live && x && y) setArtifacts([x.artifact, y.artifact]);
    });
    return () => {
      live = false;
    };
  }, [a.id, b.id]);

  const onlyA = a.inputs.filter((c) => !b.inputs.includes(c));
  const onlyB = b.inputs.filter((c) => !a.inputs.includes(c));
  const better = (x: number, y: number, higher = true) => (Number.isFinite(x) && Number.isFinite(y) && x !== y ? ((higher ? x > y : x < y) ? 0 : 1) : null);
  const rows: { label: string; values: [ReactNode, ReactNode]; best?: 0 | 1 | null }[] = [
    { label: i18n.t('options.model.kind'), values: [labelOr(t(`modelKinds.${a.kind}`), a.kind), labelOr(t(`modelKinds.${b.kind}`), b.kind)] },
    { label: i18n.t('options.model.created'), values: [formatDateTime(a.createdAt, locale), formatDateTime(b.createdAt, locale)] },
    {
      label: i18n.t('options.models.colStatus'),
      values: [
        a.active ? i18n.t('options.models.active') : i18n.t('options.models.inactive'),
        b.active ? i18n.t('options.models.active') : i18n.t('options.models.inactive'),
      ],
    },
    { label: i18n.t('options.model.trainedBy'), values: [a.trainedBy, b.trainedBy] },
    { label: i18n.t('options.model.source'), values: [a.trainingSource, b.trainingSource] },
    {
      label: i18n.t('options.models.dataHash'),
      values: [<code key="a">{a.trainingHash.slice(0, 12)}</code>, <code key="b">{b.trainingHash.slice(0, 12)}</code>],
    },
    { label: i18n.t('options.model.rows'), values: [formatInteger(a.trainingRows, locale), formatInteger(b.trainingRows, locale)] },
    { label: i18n.t('options.model.label'), values: [`${a.label.column} = ${a.label.positive}`, `${b.label.column} = ${b.label.positive}`] },
    { label: i18n.t('options.model.features'), values: [formatInteger(a.features, locale), formatInteger(b.features, locale)] },
    {
      label: i18n.t('options.model.rocAuc'),
      values: [formatMeanSd(a.metrics.roc_auc, a.metrics.roc_auc_sd, locale), formatMeanSd(b.metrics.roc_auc, b.metrics.roc_auc_sd, locale)],
      best: better(a.metrics.roc_auc, b.metrics.roc_auc),
    },
    {
      label: i18n.t('options.model.prAuc'),
      values: [formatMeanSd(a.metrics.pr_auc, a.metrics.pr_auc_sd, locale), formatMeanSd(b.metrics.pr_auc, b.metrics.pr_auc_sd, locale)],
      best: better(a.metrics.pr_auc, b.metrics.pr_auc),
    },
    {
      label: i18n.t('options.model.brier'),
      values: [formatDecimal(a.metrics.brier, locale), formatDecimal(b.metrics.brier, locale)],
      best: better(a.metrics.brier, b.metrics.brier, false),
    },
    { label: i18n.t('options.model.trainTime'), values: [formatDuration(a.metrics.train_seconds, locale), formatDuration(b.metrics.train_seconds, locale)] },
  ];

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]" data-testid="compare">
      <Card level={3} title={i18n.t('options.models.compareTitle')}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{i18n.t('options.models.compareTitle')}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs">
                <td />
                {[a, b].map((m, i) => (
                  <th key={m.id} scope="col" className="py-2 pr-3 font-semibold text-slate-800">
                    <span
                      className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm align-middle"
                      style={{ backgroundColor: SERIES_COLOURS[i] }}
                      aria-hidden="true"
                    />
                    {m.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-b border-slate-100 last:border-b-0">
                  <th scope="row" className="py-1.5 pr-3 text-xs font-medium whitespace-nowrap text-slate-500">
                    {row.label}
                  </th>
                  {row.values.map((value, i) => (
                    <td key={i} className={`py-1.5 pr-3 break-words tabular-nums ${row.best === i ? 'font-semibold text-emerald-700' : 'text-slate-800'}`}>
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1.5 pr-3 align-top text-xs font-medium text-slate-500">
                  {i18n.t('options.models.onlyInputs')}
                </th>
                {[onlyA, onlyB].map((only, i) => (
                  <td key={i} className="py-1.5 pr-3 align-top text-xs text-slate-700">
                    {only.length ? only.map(inputLabel).join(', ') : i18n.t('options.models.noOnly')}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </Card>
      {artifacts === null ? (
        <Skeleton className="h-80 w-full" />
      ) : artifacts[0].evaluation && artifacts[1].evaluation ? (
        <ChartCard
          title={i18n.t('options.eval.rocTitle')}
          description={i18n.t('options.models.compareRoc')}
          summary={i18n.t('options.models.compareRocSummary', [
            a.name,
            formatDecimal(a.metrics.roc_auc, locale),
            b.name,
            formatDecimal(b.metrics.roc_auc, locale),
          ])}
          legend={
            <LegendKey
              items={[
                { label: a.name, colour: SERIES_COLOURS[0] },
                { label: b.name, colour: SERIES_COLOURS[1] },
              ]}
            />
          }
        >
          <CurveChart
            series={[
              { name: a.name, colour: SERIES_COLOURS[0], points: artifacts[0].evaluation.roc },
              { name: b.name, colour: SERIES_COLOURS[1], points: artifacts[1].evaluation.roc },
            ]}
            xLabel={i18n.t('options.eval.fpr')}
            yLabel={i18n.t('options.eval.tpr')}
            locale={locale}
            reference={{ kind: 'diagonal' }}
            cutoffLabel={(v) => i18n.t('options.eval.atCutoff', [v])}
          />
        </ChartCard>
      ) : (
        <Card level={3} title={i18n.t('options.eval.rocTitle')}>
          <p className="text-sm text-slate-500">{i18n.t('options.eval.noChartsHint')}</p>
        </Card>
      )}
    </div>
  );
}
