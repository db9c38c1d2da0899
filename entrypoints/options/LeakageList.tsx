import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDecimal, formatInteger, formatPercent } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import type { LeakageWarning } from '@/lib/training/leakage';
import { Pill, buttonClass } from './ui';

export interface LeakageListProps {
  warnings: readonly LeakageWarning[];
  keptAnyway: ReadonlySet<string>;
  /** Whether an outcome date is set (the date check needs one). */
  labelDateSet: boolean;
  onToggle: (column: string) => void;
}

/** Columns that would leak the answer: dropped from the inputs unless the manager keeps one anyway. */
export function LeakageList({ warnings, keptAnyway, labelDateSet, onToggle }: LeakageListProps) {
  const locale = uiLocale();
  return (
    <Card level={3} title={i18n.t('options.data.leakTitle')} subtitle={i18n.t('options.data.leakHint')}>
      {warnings.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="leakage-none">
          {i18n.t('options.data.leakNone')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="leakage-list">
          {warnings.map((w) => {
            const kept = keptAnyway.has(w.column);
            return (
              <li key={`${w.column}:${w.kind}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-800">
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{w.column}</code>{' '}
                    <span className="ml-1">{i18n.t(`options.data.leak.${LEAK_KEYS[w.kind]}`)}</span>
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">{detail(w, locale)}</p>
                </div>
                <div className="flex items-center gap-2">
                  <Pill tone={kept ? 'red' : 'amber'}>{kept ? i18n.t('options.data.leakKept') : i18n.t('options.data.leakDropped')}</Pill>
                  <button type="button" className={buttonClass('secondary', 'sm')} onClick={() => onToggle(w.column)}>
                    {kept ? i18n.t('options.data.leakDrop') : i18n.t('options.data.leakKeep')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {!labelDateSet && <p className="mt-2 text-xs text-slate-500">{i18n.t('options.data.leakNoDate')}</p>}
    </Card>
  );
}

const LEAK_KEYS = { 'near-label': 'nearLabel', 'id-like': 'idLike', 'after-label-date': 'afterLabelDate' } as const;

function detail(w: LeakageWarning, locale: string): string {
  switch (w.kind) {
    case 'near-label':
      return w.correlation !== null && Math.abs(w.correlation) >= 0.95
        ? i18n.t('options.data.leakNearCorr', [formatDecimal(w.correlation, locale, 2)])
        : i18n.t('options.data.leakNearRule', [formatPercent(w.balancedAccuracy, locale, 1)]);
    case 'id-like':
      return i18n.t('options.data.leakId', [formatInteger(w.distinct, locale), formatInteger(w.present, locale)]);
    case 'after-label-date':
      return i18n.t('options.data.leakDate', [formatInteger(w.rows, locale), formatInteger(w.dated, locale)]);
  }
}
