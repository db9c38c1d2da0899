import { Fragment, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger, formatProbability } from '@/components/format';
import { siteHost } from '@/components/customer-target';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import type { RiskCustomer } from '@/lib/risk/risk-schemas';
import { riskValueMatrix, type MatrixSize } from '@/lib/risk/matrix';
import type { RiskData } from './useRiskData';
import { DataTable, dataRowClass } from '@/components/DataTable';

/** Customers shown for a clicked cell (the rest are counted). */
const LIST_LIMIT = 50;

const RISK_NAMES: Record<MatrixSize, (() => string)[]> = {
  2: [() => i18n.t('risk.matrix.riskLow'), () => i18n.t('risk.matrix.riskHigh')],
  3: [() => i18n.t('risk.matrix.riskLow'), () => i18n.t('risk.matrix.riskMid'), () => i18n.t('risk.matrix.riskHigh')],
};
const VALUE_NAMES: Record<MatrixSize, (() => string)[]> = {
  2: [() => i18n.t('risk.matrix.valueLow'), () => i18n.t('risk.matrix.valueHigh')],
  3: [() => i18n.t('risk.matrix.valueLow'), () => i18n.t('risk.matrix.valueMid'), () => i18n.t('risk.matrix.valueHigh')],
};

/** Cell shade by risk and value: the top-right (high risk, high value) is the darkest. */
function cellTone(risk: number, value: number, size: number): string {
  const score = (risk + value) / (2 * (size - 1));
  if (risk === size - 1 && value === size - 1) return 'bg-red-50 border-red-300';
  if (score >= 0.5) return 'bg-amber-50 border-amber-200';
  return 'bg-white border-slate-200';
}

/** Risk × value: counts and value at stake per cell; a cell lists its customers. */
export function MatrixSection({ data }: { data: RiskData }) {
  const { request, saved } = data;
  const locale = uiLocale();
  const [size, setSize] = useState<MatrixSize>(2);
  const [selected, setSelected] = useState<{ risk: number; value: number } | null>(null);
  const customers = request.status === 'ready' ? request.data.customers : [];
  const matrix = useMemo(() => (saved ? riskValueMatrix<RiskCustomer>(customers, saved, size) : null), [customers, saved, size]);
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

  if (request.status === 'error') return <StatusMessage tone="error" title={i18n.t('risk.matrix.errorTitle')} detail={request.message} />;
  if (request.status === 'loading' || !matrix) return <Skeleton className="h-64 w-full" />;
  if (!customers.length) return <StatusMessage title={i18n.t('risk.empty.title')} detail={i18n.t('risk.empty.detail')} />;
  if (!matrix.valueCuts.length) return <StatusMessage title={i18n.t('risk.matrix.noValues')} detail={i18n.t('risk.matrix.noValuesHint')} />;

  const cell = selected ? matrix.cells[selected.risk]?.[selected.value] : undefined;
  const riskName = (r: number) => RISK_NAMES[size][r]!();
  const valueName = (v: number) => VALUE_NAMES[size][v]!();
  const cutText = matrix.valueCuts.map((c) => money.format(c)).join(' / ');

  return (
    <div className="space-y-4">
      <Card
        title={i18n.t('risk.matrix.title')}
        subtitle={
          <>
            {i18n.t('risk.matrix.hint', [cutText])}
            {matrix.withoutValue > 0 && <span className="block">{i18n.t('risk.matrix.withoutValue', [formatInteger(matrix.withoutValue, locale)])}</span>}
          </>
        }
        actions={
          <div role="radiogroup" aria-label={i18n.t('risk.matrix.sizeLabel')} className="inline-flex rounded-md border border-slate-300 p-0.5">
            {([2, 3] as const).map((s) => (
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={size === s}
                onClick={() => {
                  setSize(s);
                  setSelected(null);
                }}
                className={`rounded px-2.5 py-1 text-xs font-medium ${size === s ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {s} × {s}
              </button>
            ))}
          </div>
        }
      >
        <div className="grid gap-2" style={{ gridTemplateColumns: `7rem repeat(${size}, minmax(0, 1fr))` }}>
          <div />
          {Array.from({ length: size }, (_, v) => (
            <div key={v} className="text-center text-xs font-medium text-slate-500">
              {valueName(v)}
            </div>
          ))}
          {/* Highest risk on top, as managers read a risk matrix. */}
          {Array.from({ length: size }, (_, i) => size - 1 - i).map((r) => rowCells(r))}
        </div>
      </Card>
      {cell && selected && (
        <Card
          title={i18n.t('risk.matrix.listTitle', [riskName(selected.risk), valueName(selected.value)])}
          subtitle={
            cell.count > LIST_LIMIT ? i18n.t('risk.matrix.listLimited', [formatInteger(LIST_LIMIT, locale), formatInteger(cell.count, locale)]) : undefined
          }
        >
          {cell.count === 0 ? (
            <p className="text-sm text-slate-600">{i18n.t('risk.matrix.emptyCell')}</p>
          ) : (
            <DataTable
              caption={i18n.t('risk.matrix.listTitle', [riskName(selected.risk), valueName(selected.value)])}
              testId="matrix-customers"
              columns={[
                { label: i18n.t('risk.matrix.colName') },
                { label: i18n.t('risk.matrix.colSite') },
                { label: i18n.t('risk.matrix.colProbability'), align: 'right' },
                { label: i18n.t('risk.matrix.colValue'), align: 'right' },
                { label: i18n.t('risk.matrix.colAtStake'), align: 'right' },
              ]}
            >
              {cell.customers.slice(0, LIST_LIMIT).map((c) => (
                <tr key={`${c.site} ${c.crmId}`} data-crm-id={c.crmId} className={dataRowClass}>
                  <td className="py-1.5 pr-3">
                    {c.url ? (
                      <a href={c.url} target="_blank" rel="noreferrer" className="font-medium text-sky-700 hover:underline">
                        {c.name}
                      </a>
                    ) : (
                      <span className="font-medium text-slate-800">{c.name}</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-slate-500">{siteHost(c.site)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatProbability(c.probability, locale)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{money.format(c.monthlyValue ?? 0)}</td>
                  <td className="py-1.5 text-right tabular-nums">{money.format(c.probability * (c.monthlyValue ?? 0))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      )}
    </div>
  );

  function rowCells(r: number) {
    return (
      <Fragment key={r}>
        <div className="flex items-center text-xs font-medium text-slate-500">{riskName(r)}</div>
        {matrix!.cells[r]!.map((c) => {
          const active = selected?.risk === c.risk && selected.value === c.value;
          return (
            <button
              key={c.value}
              type="button"
              aria-pressed={active}
              aria-label={i18n.t('risk.matrix.cellLabel', [riskName(c.risk), valueName(c.value), formatInteger(c.count, locale), money.format(c.atStake)])}
              onClick={() => setSelected({ risk: c.risk, value: c.value })}
              className={`rounded-lg border p-3 text-left transition-shadow hover:shadow focus-visible:outline-2 focus-visible:outline-sky-600 ${cellTone(c.risk, c.value, size)} ${active ? 'ring-2 ring-slate-900' : ''}`}
            >
              <span className="block text-2xl font-semibold text-slate-900 tabular-nums">{formatInteger(c.count, locale)}</span>
              <span className="block text-xs text-slate-600">{i18n.t('risk.matrix.customers')}</span>
              <span className="mt-1 block text-sm font-medium text-slate-800 tabular-nums">{money.format(c.atStake)}</span>
              <span className="block text-xs text-slate-600">{i18n.t('risk.matrix.atStake')}</span>
            </button>
          );
        })}
      </Fragment>
    );
  }
}
