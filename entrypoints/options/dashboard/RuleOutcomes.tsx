import { i18n } from '#i18n';
import { pick } from '@/components/bilingual';
import { Card } from '@/components/Card';
import { formatInteger } from '@/components/format';
import type { KpiView } from '@/lib/kpi/kpi-commands';
import type { Playbook } from '@/lib/playbooks/types';
import { rateText } from './kpi-format';

const OUTCOMES = ['retained', 'churned', 'no_answer', 'pending'] as const;

/** Actions per playbook rule and their outcomes, named by the rule's script in the playbook in force. */
export function RuleOutcomes({ report, playbook, locale }: { report: KpiView; playbook: Playbook | null; locale: string }) {
  const scriptTitle = (ruleId: string | null) => {
    if (!playbook) return '';
    const scriptId = ruleId === null ? playbook.fallbackScriptId : playbook.rules.find((r) => r.id === ruleId)?.scriptId;
    const script = playbook.scripts.find((s) => s.id === scriptId);
    return script ? pick(script.title, locale) : '';
  };
  return (
    <Card title={i18n.t('dashboard.rules.title')} subtitle={i18n.t('dashboard.rules.description')}>
      {report.rules.length === 0 ? (
        <p className="text-sm text-slate-600">{i18n.t('dashboard.rules.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label={i18n.t('dashboard.rules.title')}>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th className="py-1.5 pr-3 font-medium">{i18n.t('dashboard.rules.rule')}</th>
                <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.rules.actions')}</th>
                {OUTCOMES.map((o) => (
                  <th key={o} className="py-1.5 text-right font-medium">
                    {i18n.t(`outcome.${o}`)}
                  </th>
                ))}
                <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.rules.none')}</th>
                <th className="py-1.5 text-right font-medium">{i18n.t('dashboard.rules.successRate')}</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {report.rules.map((r) => (
                <tr key={r.ruleId ?? ''} data-rule-row={r.ruleId ?? ''} className="border-b border-slate-100">
                  <td className="py-1.5 pr-3">
                    <span className="font-medium text-slate-800">{r.ruleId ?? i18n.t('dashboard.rules.fallback')}</span>
                    <span className="block text-xs text-slate-500">{scriptTitle(r.ruleId)}</span>
                  </td>
                  <td className="py-1.5 text-right">{formatInteger(r.actions, locale)}</td>
                  {OUTCOMES.map((o) => (
                    <td key={o} className="py-1.5 text-right">
                      {formatInteger(r.outcomes[o], locale)}
                    </td>
                  ))}
                  <td className="py-1.5 text-right">{formatInteger(r.outcomes.none, locale)}</td>
                  <td className="py-1.5 text-right font-semibold">{rateText(r.successRate, locale, i18n.t('dashboard.tile.noBase'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
