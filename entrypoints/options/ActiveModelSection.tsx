import { useEffect, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDateTime, formatDecimal, formatDuration, formatInteger, formatPercent, labelOr } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { MetricTile } from '@/components/MetricTile';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { ModelInfo } from '@/lib/messaging/protocol';
import { modelSiteChoices, servedSites } from '@/lib/sites/model-site-choices';
import { inputLabel } from './input-labels';
import { MeanSd } from './MeanSd';

/** What scores customers now: every active model (or the starter scorecard), then the first one in detail. */
export function ActiveModelSection() {
  return (
    <div className="space-y-4">
      <InUse />
      <ActiveModel />
    </div>
  );
}

function InUse() {
  const request = useRequest(() => sendMessage('listModels', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);
  if (request.status === 'loading') return <Skeleton className="h-14 w-full" />;
  if (request.status === 'error') return null;
  const { models, activeIds, inUse } = request.data;
  const active = activeIds.map((id) => models.find((m) => m.id === id)).filter((m) => !!m);
  return (
    <div className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3" role="status" data-testid="in-use">
      <p className="text-xs font-semibold tracking-wide text-sky-800 uppercase">{i18n.t('options.inUse.title')}</p>
      {inUse === 'scorecard' || active.length === 0 ? (
        <p className="mt-1 text-sm text-slate-800">{i18n.t('options.inUse.scorecard')}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm text-slate-800">
          {active.map((m) => (
            <li key={m.id}>
              <span className="font-semibold">{m.name}</span>
              <span className="text-slate-600">
                {' '}
                · {i18n.t('options.inUse.serves', [m.inputs.slice(0, 4).map(inputLabel).join(', ') + (m.inputs.length > 4 ? '…' : '')])}
              </span>
              <span className={m.sites.length ? 'text-slate-600' : 'font-medium text-amber-800'}> · {sitesText(m.sites)}</span>
            </li>
          ))}
        </ul>
      )}
      {active.length > 1 && <p className="mt-1 text-xs text-slate-600">{i18n.t('options.inUse.choice')}</p>}
      <p className="mt-1 text-xs text-slate-600">{i18n.t('modelSites.inUseStarter')}</p>
    </div>
  );
}

/** "Serves: demo CRM, shop.example.com", or that it serves none. */
function sitesText(sites: readonly string[]): string {
  const served = servedSites(modelSiteChoices([], sites, i18n.t('modelSites.demoCrm')), sites);
  return served ? i18n.t('modelSites.serves', [served]) : i18n.t('modelSites.none');
}

function ActiveModel() {
  const request = useRequest(() => sendMessage('getModelInfo', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);

  if (request.status === 'loading') return <ModelSkeleton />;
  if (request.status === 'error') {
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('options.model.errorTitle')}
        detail={request.message}
        action={{ label: i18n.t('common.retry'), onClick: () => reload() }}
      />
    );
  }
  if (!request.data) {
    return (
      <Card level={3} title={i18n.t('options.model.title')}>
        <StatusMessage title={i18n.t('options.model.none')} detail={i18n.t('options.model.noneHint')} className="border-dashed" />
      </Card>
    );
  }
  return <ModelCard model={request.data} />;
}

function ModelCard({ model }: { model: ModelInfo }) {
  const locale = uiLocale();
  const m = model.metrics;
  const kind = labelOr(t(`modelKinds.${model.kind}`), model.kind);
  const positiveShare = m.rows > 0 ? m.positives / m.rows : Number.NaN;
  if (model.kind === 'scorecard') {
    // Rules, not trained on data: there are no cross-validated metrics to show.
    return (
      <Card
        level={3}
        title={i18n.t('options.model.title')}
        actions={<span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900">{kind}</span>}
      >
        <p className="-mt-1 text-lg font-semibold text-slate-900">{model.name}</p>
        <p className="mt-1 text-sm text-slate-600">{i18n.t('options.model.scorecardHint', [formatInteger(model.features, locale)])}</p>
        <a href="#scorecard" className="mt-2 inline-block text-sm font-medium text-sky-700 hover:underline">
          {i18n.t('options.model.scorecardEdit')}
        </a>
      </Card>
    );
  }
  return (
    <Card
      level={3}
      title={i18n.t('options.model.title')}
      actions={<span className="rounded-full bg-sky-100 px-2.5 py-0.5 text-xs font-medium text-sky-800">{kind}</span>}
    >
      <p className="-mt-1 mb-4 text-lg font-semibold break-words text-slate-900">{model.name}</p>

      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('options.model.quality')}</h3>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <MetricTile
          label={i18n.t('options.model.rocAuc')}
          value={<MeanSd mean={m.roc_auc} sd={m.roc_auc_sd} locale={locale} />}
          hint={i18n.t('options.model.rocAucExplain')}
        />
        <MetricTile
          label={i18n.t('options.model.prAuc')}
          value={<MeanSd mean={m.pr_auc} sd={m.pr_auc_sd} locale={locale} />}
          hint={i18n.t('options.model.prAucExplain')}
        />
        <MetricTile label={i18n.t('options.model.brier')} value={formatDecimal(m.brier, locale)} hint={i18n.t('options.model.brierExplain')} />
      </dl>

      <h3 className="mt-6 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{i18n.t('options.model.details')}</h3>
      <dl className="grid grid-cols-1 gap-x-8 text-sm sm:grid-cols-2">
        <Detail label={i18n.t('options.model.created')} value={formatDateTime(model.createdAt, locale) || model.createdAt} />
        <Detail label={i18n.t('options.model.trainedBy')} value={model.trainedBy} />
        <Detail label={i18n.t('options.model.source')} value={model.trainingSource} />
        <Detail
          label={i18n.t('options.model.rows')}
          value={
            <>
              {formatInteger(model.trainingRows, locale)}
              {Number.isFinite(positiveShare) && (
                <span className="ml-1 font-normal text-slate-500">
                  {i18n.t('options.model.positives', [formatInteger(m.positives, locale), formatPercent(positiveShare, locale, 1)])}
                </span>
              )}
            </>
          }
        />
        <Detail
          label={i18n.t('options.model.label')}
          value={
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{i18n.t('options.model.labelValue', [model.label.column, model.label.positive])}</code>
          }
        />
        <Detail label={i18n.t('options.model.features')} value={formatInteger(model.features, locale)} />
        <Detail label={i18n.t('options.model.folds')} value={formatInteger(m.folds, locale)} />
        <Detail label={i18n.t('options.model.trainTime')} value={formatDuration(m.train_seconds, locale)} />
      </dl>
    </Card>
  );
}

function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 border-b border-slate-100 py-2">
      <dt className="shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words text-slate-800">{value}</dd>
    </div>
  );
}

function ModelSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" role="status" aria-label={i18n.t('common.loading')}>
      <Skeleton className="h-4 w-28" />
      <Skeleton className="mt-3 h-6 w-64" />
      <div className="mt-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-28 w-full" />
        ))}
      </div>
      <div className="mt-8 grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
        {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
