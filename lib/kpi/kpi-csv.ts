import { toCsv } from '@/lib/files/csv-write';
import type { KpiReport } from './report';

/**
 * The report as one long-format CSV (section, period, key, metric, value):
 * one row per figure, so a spreadsheet pivot or a BI tool reads it without
 * guessing column meanings. Rates are fractions (0.25 = 25 %), blank when
 * their base is empty; money is in the CRM's currency, unconverted.
 */
export const KPI_CSV_COLUMNS = ['section', 'period_start', 'period_end', 'key', 'metric', 'value'] as const;

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const num = (v: number | null) => (v === null ? '' : Number.isInteger(v) ? String(v) : v.toFixed(4));

export function kpiCsv(report: KpiReport): string {
  const rows: string[][] = [];
  const add = (section: string, start: number, end: number, key: string, metric: string, value: number | null) =>
    rows.push([section, day(start), day(end), key, metric, num(value)]);
  const { from, to } = report;
  add('total', from, to, '', 'customers', report.customers);
  add('total', from, to, '', 'active_base', report.total.activeBase);
  add('total', from, to, '', 'churned', report.total.churned);
  add('total', from, to, '', 'churn_rate', report.total.churnRate);
  add('total', from, to, '', 'retention_rate', report.total.retentionRate);
  add('total', from, to, '', 'churned_base', report.total.churnedBase);
  add('total', from, to, '', 'won_back', report.total.wonBack);
  add('total', from, to, '', 'win_back_rate', report.total.winBackRate);
  add('total', from, to, '', 'labelled_customers', report.snapshot.labelled);
  add('total', from, to, '', 'churned_share_at_end', report.snapshot.churnedShare);
  add('total', from, to, '', 'at_risk', report.riskNow.atRisk);
  add('total', from, to, '', 'value_at_stake', report.riskNow.valueAtStake);
  add('total', from, to, '', 'expected_loss', report.riskNow.expectedLoss);
  add('total', from, to, '', 'actions', report.actions.total);
  add('total', from, to, '', 'action_success_rate', report.actions.successRate);
  add('total', from, to, '', 'average_lifetime_value', report.lifetimeValue.average);
  add('total', from, to, '', 'customers_with_lifetime_value', report.lifetimeValue.customers);
  for (const p of report.periods) {
    const end = Math.min(p.end, to);
    for (const [metric, value] of [
      ['active_base', p.activeBase],
      ['churned', p.churned],
      ['churn_rate', p.churnRate],
      ['retention_rate', p.retentionRate],
      ['churned_base', p.churnedBase],
      ['won_back', p.wonBack],
      ['win_back_rate', p.winBackRate],
      ['at_risk', p.risk.atRisk],
      ['value_at_stake', p.risk.valueAtStake],
      ['actions', p.actions],
      ['retained_outcomes', p.outcomes.retained],
      ['churned_outcomes', p.outcomes.churned],
    ] as const)
      add('period', p.start, end, p.label, metric, value);
  }
  for (const t of report.riskNow.tiers) {
    add('tier', from, to, String(t.tier), 'customers', t.customers);
    add('tier', from, to, String(t.tier), 'value', t.value);
    add('tier', from, to, String(t.tier), 'expected_loss', t.expectedLoss);
  }
  for (const r of report.rules) {
    const key = r.ruleId ?? '(fallback)';
    add('rule', from, to, key, 'actions', r.actions);
    for (const outcome of ['retained', 'churned', 'no_answer', 'pending', 'none'] as const)
      add('rule', from, to, key, `outcome_${outcome}`, r.outcomes[outcome]);
    add('rule', from, to, key, 'success_rate', r.successRate);
  }
  return toCsv(KPI_CSV_COLUMNS, rows, { newline: '\n' });
}
