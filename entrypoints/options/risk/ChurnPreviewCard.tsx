import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { MetricTile } from '@/components/MetricTile';
import { Skeleton } from '@/components/Skeleton';
import type { ChurnPreview } from '@/lib/risk/risk-schemas';

/** What the definition under edit labels over the stored customers (dimmed while the edit is invalid). */
export function ChurnPreviewCard({
  preview,
  valid,
  withReasons,
}: {
  preview: { status: 'loading' | 'ready' | 'error'; data?: ChurnPreview; message?: string };
  valid: boolean;
  withReasons: boolean;
}) {
  const locale = uiLocale();
  const counts = preview.data?.counts;
  return (
    <Card title={i18n.t('risk.churn.previewTitle')} subtitle={counts ? i18n.t('risk.churn.previewHint', [formatInteger(counts.customers, locale)]) : undefined}>
      {preview.status === 'error' && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {i18n.t('risk.churn.previewFailed', [preview.message ?? ''])}
        </p>
      )}
      {!counts ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <div aria-live="polite" className={!valid ? 'opacity-50' : ''}>
          <dl className="grid grid-cols-2 gap-3" data-testid="churn-counts">
            <MetricTile label={i18n.t('risk.churn.countChurned')} value={<span data-count="churned">{formatInteger(counts.churned, locale)}</span>} />
            <MetricTile label={i18n.t('risk.churn.countPartial')} value={<span data-count="partial">{formatInteger(counts.partial, locale)}</span>} />
            <MetricTile label={i18n.t('risk.churn.countActive')} value={<span data-count="active">{formatInteger(counts.active, locale)}</span>} />
            <MetricTile
              label={i18n.t('risk.churn.countUnknown')}
              value={<span data-count="unknown">{formatInteger(counts.unknown, locale)}</span>}
              hint={i18n.t('risk.churn.unknownHint')}
            />
          </dl>
          <p className="mt-3 text-xs text-slate-600">
            {i18n.t('risk.churn.byRule', [
              formatInteger(counts.byRule.status, locale),
              formatInteger(counts.byRule.inactivity, locale),
              formatInteger(counts.byRule.partial_spend_drop, locale),
            ])}
          </p>
          {withReasons && (
            <p className="mt-1 text-xs text-slate-600">
              {i18n.t('risk.churn.byReason', [
                formatInteger(counts.voluntary, locale),
                formatInteger(counts.involuntary, locale),
                formatInteger(counts.noReason, locale),
              ])}
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
