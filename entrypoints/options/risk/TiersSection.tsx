import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger, formatPercent, formatPercentRange } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { TierBadge, tierLabel } from '@/components/TierBadge';
import { sharesFromThresholds, thresholdsFromShares, validateShares, type TierShares } from '@/lib/risk/quantiles';
import { tierTable } from '@/lib/risk/tier-table';
import { TIER_STYLE } from '@/lib/risk/tiers';
import { TierDistribution } from './TierDistribution';
import type { RiskData } from './useRiskData';
import { DataTable, dataRowClass } from '@/components/DataTable';

const sameThresholds = (a: readonly number[] | null, b: readonly number[] | null) => !!a && !!b && a.length === b.length && a.every((t, i) => t === b[i]);

/** Five tiers' thresholds: dragged on the score distribution, set by quantiles, with the live tier table. */
export function TiersSection({ data, locked = false }: { data: RiskData; locked?: boolean }) {
  const { request, draft, saved, edit, save, saving } = data;
  const locale = uiLocale();
  const customers = request.status === 'ready' ? request.data.customers : [];
  const probabilities = useMemo(() => customers.map((c) => c.probability), [customers]);
  const rows = useMemo(() => (draft ? tierTable(customers, draft) : []), [customers, draft]);
  const labelled = customers.some((c) => c.churned !== null);

  if (request.status === 'error') {
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('options.tiers.errorTitle')}
        detail={request.message}
        action={{ label: i18n.t('common.retry'), onClick: () => request.reload() }}
      />
    );
  }
  if (request.status === 'loading' || !draft) return <Skeleton className="h-80 w-full" />;
  const dirty = !sameThresholds(draft, saved);

  return (
    <div className="space-y-4">
      <Card
        title={i18n.t('risk.tiers.distributionTitle')}
        subtitle={customers.length ? i18n.t('risk.tiers.distributionHint', [formatInteger(customers.length, locale)]) : undefined}
      >
        {customers.length ? (
          <TierDistribution probabilities={probabilities} thresholds={draft} onChange={edit} locale={locale} disabled={locked} />
        ) : (
          <StatusMessage title={i18n.t('risk.empty.title')} detail={i18n.t('risk.empty.detail')} />
        )}
      </Card>
      <QuantileForm probabilities={probabilities} thresholds={draft} onApply={edit} disabled={locked} />
      <Card
        title={i18n.t('risk.tiers.tableTitle')}
        subtitle={labelled ? i18n.t('risk.tiers.tableHint') : i18n.t('risk.tiers.tableNoLabels')}
        actions={
          <div className="flex items-center gap-2">
            {saving.status === 'saved' && !dirty && (
              <span role="status" className="text-xs text-emerald-700">
                {i18n.t('risk.tiers.saved')}
              </span>
            )}
            {dirty && <span className="text-xs text-amber-700">{i18n.t('risk.tiers.unsaved')}</span>}
            <button
              type="button"
              disabled={!dirty}
              onClick={() => saved && edit(saved)}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40"
            >
              {i18n.t('risk.tiers.revert')}
            </button>
            <button
              type="button"
              disabled={locked || !dirty || saving.status === 'saving'}
              onClick={() => void save(draft)}
              className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-40"
            >
              {i18n.t('risk.tiers.save')}
            </button>
          </div>
        }
      >
        {saving.status === 'error' && (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {i18n.t('risk.tiers.saveFailed', [saving.message])}
          </p>
        )}
        <DataTable
          caption={i18n.t('risk.tiers.tableTitle')}
          testId="risk-tier-table"
          className="text-right tabular-nums"
          columns={[
            { label: i18n.t('options.tiers.colTier') },
            { label: i18n.t('options.tiers.colRange'), align: 'right' },
            { label: i18n.t('risk.tiers.colCustomers'), align: 'right' },
            { label: i18n.t('risk.tiers.colShare'), align: 'right' },
            { label: i18n.t('risk.tiers.colChurnRate'), align: 'right' },
            { label: i18n.t('risk.tiers.colCapture'), align: 'right' },
          ]}
        >
          {rows.map((row) => (
            <tr key={row.tier} data-tier-row={row.tier} className={`h-11 ${dataRowClass}`}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <span className="flex items-center gap-2">
                  <TierBadge tier={row.tier} size="sm" showLabel={false} />
                  <span className="text-slate-800 capitalize">{tierLabel(row.tier)}</span>
                </span>
              </th>
              <td className="py-2 pr-3 text-slate-700">{formatPercentRange(row.lo, row.hi, locale)}</td>
              <td className="py-2 pr-3 text-slate-700">{formatInteger(row.count, locale)}</td>
              <td className="py-2 pr-3">
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-2 rounded-sm"
                    style={{ width: `${Math.max(2, row.share * 80)}px`, backgroundColor: TIER_STYLE[row.tier].bg }}
                  />
                  <span className="font-medium text-slate-900" data-share>
                    {formatPercent(row.share, locale, 1)}
                  </span>
                </span>
              </td>
              <td className="py-2 pr-3 text-slate-700">
                {row.churnRate === null
                  ? '–'
                  : `${formatPercent(row.churnRate, locale, 1)} (${formatInteger(row.churners, locale)}/${formatInteger(row.labelled, locale)})`}
              </td>
              <td className="py-2 text-slate-700">{row.capture === null ? '–' : formatPercent(row.capture, locale, 1)}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}

/** "Top 2 % = tier 5": shares of customers for tiers 5–2 (tier 1 holds the rest), turned into thresholds. */
function QuantileForm({
  probabilities,
  thresholds,
  onApply,
  disabled,
}: {
  probabilities: readonly number[];
  thresholds: readonly number[];
  onApply: (t: number[]) => void;
  disabled: boolean;
}) {
  const locale = uiLocale();
  const current = useMemo(() => sharesFromThresholds(probabilities, thresholds), [probabilities, thresholds]);
  const [text, setText] = useState<string[]>(() => current.map((s) => percentText(s)));
  const key = current.join(',');
  // Follow the thresholds when they move another way (drag, cost model).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value through key
  useEffect(() => setText(current.map((s) => percentText(s))), [key]);

  const shares = text.map((t) => Number(t.replace(',', '.')) / 100);
  const problem = text.some((t) => t.trim() === '') ? 'range' : validateShares(shares);
  const rest = 1 - shares.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);

  return (
    <Card title={i18n.t('risk.quantiles.title')} subtitle={i18n.t('risk.quantiles.hint')}>
      <fieldset disabled={disabled} className="min-w-0 disabled:opacity-60">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) onApply(thresholdsFromShares(probabilities, shares as TierShares, thresholds));
          }}
        >
          {([5, 4, 3, 2] as const).map((tier, i) => (
            <label key={tier} className="flex flex-col text-xs font-medium text-slate-600">
              {i18n.t('risk.quantiles.share', [String(tier)])}
              <span className="mt-1 flex items-center gap-1">
                <input
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step="any"
                  value={text[i]}
                  onChange={(event) => setText((all) => all.map((v, j) => (j === i ? event.target.value : v)))}
                  aria-invalid={problem ? true : undefined}
                  className="w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 tabular-nums"
                />
                <span className="text-slate-500">%</span>
              </span>
            </label>
          ))}
          <p className="pb-2 text-xs text-slate-500">{i18n.t('risk.quantiles.rest', [formatPercent(Math.max(0, rest), locale, 1)])}</p>
          <button
            type="submit"
            disabled={!!problem || !probabilities.length}
            className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40"
          >
            {i18n.t('risk.quantiles.apply')}
          </button>
        </form>
      </fieldset>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {i18n.t(problem === 'sum' ? 'risk.quantiles.errorSum' : 'risk.quantiles.errorRange')}
        </p>
      )}
    </Card>
  );
}

const percentText = (share: number) => String(Math.round(share * 1000) / 10);
