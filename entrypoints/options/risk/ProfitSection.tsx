import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ChartCard, LegendKey } from '@/components/charts/ChartCard';
import { CHART } from '@/components/charts/theme';
import { formatInteger, formatPercent } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { MetricTile } from '@/components/MetricTile';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { costInputsItem, costProblems, DEFAULT_COST_INPUTS } from '@/lib/risk/cost-settings';
import { profitCurve, thresholdsWithCutoff, type CostInputs } from '@/lib/risk/profit';
import { ProfitChart } from './ProfitChart';
import type { RiskData } from './useRiskData';

type ActTier = 2 | 3 | 4 | 5;
type Field = 'actionCost' | 'retainedValue' | 'successRate' | 'horizonMonths';
const FIELD_TEXT: Record<Field, () => string> = {
  actionCost: () => i18n.t('risk.profit.actionCost'),
  retainedValue: () => i18n.t('risk.profit.retainedValue'),
  successRate: () => i18n.t('risk.profit.successRate'),
  horizonMonths: () => i18n.t('risk.profit.horizonMonths'),
};
const ERROR_TEXT: Record<Field, () => string> = {
  actionCost: () => i18n.t('risk.profit.error_actionCost'),
  retainedValue: () => i18n.t('risk.profit.error_retainedValue'),
  successRate: () => i18n.t('risk.profit.error_successRate'),
  horizonMonths: () => i18n.t('risk.profit.error_horizonMonths'),
};

/** Cost-aware cut-off: the manager's cost model, the profit curve over the threshold, and "act from here". */
export function ProfitSection({ data, locked = false }: { data: RiskData; locked?: boolean }) {
  const { request, draft, save } = data;
  const locale = uiLocale();
  const [inputs, setInputs] = useState<CostInputs | null>(null);
  const [text, setText] = useState<Record<Field, string> | null>(null);
  const [tier, setTier] = useState<ActTier>(3);

  useEffect(() => {
    void costInputsItem.getValue().then((value) => {
      setInputs(value);
      setText(toText(value));
    });
  }, []);

  const edited = useMemo<CostInputs | null>(() => {
    if (!inputs || !text) return null;
    const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
    return {
      ...inputs,
      actionCost: num(text.actionCost),
      retainedValue: num(text.retainedValue),
      successRate: num(text.successRate) / 100,
      horizonMonths: num(text.horizonMonths),
    };
  }, [inputs, text]);
  const problems = edited ? costProblems(edited) : [];

  // Valid inputs are kept as the manager types (one settings item, versioned).
  useEffect(() => {
    if (edited && !problems.length) void costInputsItem.setValue(edited);
  }, [edited, problems.length]);

  const customers = request.status === 'ready' ? request.data.customers : [];
  const curve = useMemo(() => (edited && !problems.length ? profitCurve(customers, edited) : null), [customers, edited, problems.length]);

  if (request.status === 'error') return <StatusMessage tone="error" title={i18n.t('risk.profit.errorTitle')} detail={request.message} />;
  if (request.status === 'loading' || !text || !edited || !draft) return <Skeleton className="h-80 w-full" />;

  const best = curve?.best ?? null;
  const pays = !!best && best.net > 0;
  const current = draft[tier - 2]!;
  const withValue = customers.filter((c) => c.monthlyValue !== null).length;
  const field = (name: Field, suffix?: string) => (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {FIELD_TEXT[name]()}
      <span className="mt-1 flex items-center gap-1">
        <input
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          value={text[name]}
          onChange={(event) => setText({ ...text, [name]: event.target.value })}
          aria-invalid={problems.includes(name) || undefined}
          className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm text-slate-900 tabular-nums aria-[invalid]:border-red-500"
        />
        {suffix && <span className="text-slate-500">{suffix}</span>}
      </span>
    </label>
  );

  return (
    <div className="space-y-4">
      <Card title={i18n.t('risk.profit.inputsTitle')} subtitle={i18n.t('risk.profit.inputsHint')}>
        <div className="flex flex-wrap items-end gap-4">
          {field('actionCost')}
          {field('successRate', '%')}
          <fieldset className="flex flex-col text-xs font-medium text-slate-600">
            <legend>{i18n.t('risk.profit.valueSource')}</legend>
            <label className="mt-1 flex items-center gap-1.5 text-sm font-normal text-slate-800">
              <input
                type="radio"
                name="value-source"
                checked={edited.valueSource === 'field'}
                onChange={() => setInputs({ ...edited, valueSource: 'field' })}
              />
              {i18n.t('risk.profit.valueField', [formatInteger(withValue, locale)])}
            </label>
            <label className="flex items-center gap-1.5 text-sm font-normal text-slate-800">
              <input
                type="radio"
                name="value-source"
                checked={edited.valueSource === 'average'}
                onChange={() => setInputs({ ...edited, valueSource: 'average' })}
              />
              {i18n.t('risk.profit.valueAverage')}
            </label>
          </fieldset>
          {edited.valueSource === 'field' && field('horizonMonths')}
          {field('retainedValue')}
          <button
            type="button"
            onClick={() => {
              setInputs(DEFAULT_COST_INPUTS);
              setText(toText(DEFAULT_COST_INPUTS));
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
          >
            {i18n.t('risk.profit.reset')}
          </button>
        </div>
        {problems.length > 0 && (
          <ul role="alert" className="mt-2 list-inside list-disc text-sm text-red-700">
            {problems.map((p) => (
              <li key={p}>{ERROR_TEXT[p]()}</li>
            ))}
          </ul>
        )}
      </Card>

      {!customers.length ? (
        <StatusMessage title={i18n.t('risk.empty.title')} detail={i18n.t('risk.empty.detail')} />
      ) : curve ? (
        <>
          <ChartCard
            title={i18n.t('risk.profit.chartTitle')}
            description={i18n.t('risk.profit.chartHint')}
            summary={best ? i18n.t('risk.profit.summary', [formatPercent(best.threshold, locale), money(best.net, locale)]) : i18n.t('risk.profit.chartTitle')}
            legend={
              <LegendKey
                items={[
                  { label: i18n.t('risk.profit.net'), colour: CHART.primary },
                  { label: i18n.t('risk.profit.currentLine', [String(tier)]), colour: CHART.secondary, dashed: true },
                ]}
              />
            }
          >
            <ProfitChart
              points={curve.points}
              best={best}
              current={current}
              locale={locale}
              xLabel={i18n.t('risk.profit.xLabel')}
              yLabel={i18n.t('risk.profit.yLabel')}
              netLabel={i18n.t('risk.profit.net')}
            />
          </ChartCard>
          <Card title={i18n.t('risk.profit.bestTitle')} subtitle={i18n.t(curve.basis === 'labels' ? 'risk.profit.basisLabels' : 'risk.profit.basisExpected')}>
            {pays && best ? (
              <>
                <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="profit-best">
                  <MetricTile
                    label={i18n.t('risk.profit.bestThreshold')}
                    value={<span data-best-threshold={best.threshold}>{formatPercent(best.threshold, locale)}</span>}
                  />
                  <MetricTile label={i18n.t('risk.profit.bestNet')} value={money(best.net, locale)} />
                  <MetricTile label={i18n.t('risk.profit.acted')} value={formatInteger(best.acted, locale)} />
                  <MetricTile label={i18n.t('risk.profit.precision')} value={best.precision === null ? '–' : formatPercent(best.precision, locale, 1)} />
                  <MetricTile label={i18n.t('risk.profit.recall')} value={best.recall === null ? '–' : formatPercent(best.recall, locale, 1)} />
                </dl>
                <div className="mt-4 flex flex-wrap items-center gap-2">
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    {i18n.t('risk.profit.actTier')}
                    <select
                      value={tier}
                      onChange={(event) => setTier(Number(event.target.value) as ActTier)}
                      className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                    >
                      {([2, 3, 4, 5] as const).map((k) => (
                        <option key={k} value={k}>
                          {i18n.t('tier.name', [String(k)])}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    disabled={locked}
                    title={locked ? i18n.t('risk.profit.locked') : undefined}
                    onClick={() => void save(thresholdsWithCutoff(draft, tier, best.threshold))}
                    className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-40"
                  >
                    {i18n.t('risk.profit.apply', [String(tier)])}
                  </button>
                  <span className="text-xs text-slate-500">{i18n.t('risk.profit.currentIs', [String(tier), formatPercent(current, locale, 1)])}</span>
                </div>
              </>
            ) : (
              <p role="status" className="text-sm text-slate-700">
                {i18n.t('risk.profit.noneProfitable')}
              </p>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}

function toText(inputs: CostInputs): Record<Field, string> {
  return {
    actionCost: String(inputs.actionCost),
    retainedValue: String(inputs.retainedValue),
    successRate: String(Math.round(inputs.successRate * 1000) / 10),
    horizonMonths: String(inputs.horizonMonths),
  };
}

function money(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
