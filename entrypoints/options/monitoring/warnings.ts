import { i18n } from '#i18n';
import { formatDecimal } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import type { MonitoringReport } from '@/lib/monitoring/monitoring-report';

/** The report's warnings as sentences, most serious first (the view's summary and the dashboard tile's hint). */
export function monitoringWarnings(report: MonitoringReport, nameOf: (source: string) => string): string[] {
  const locale = uiLocale();
  const out: string[] = [];
  const { live, drift, tiers, model } = report;
  const last = [...live.months].reverse().find((m) => m.evaluable);
  if (live.aucWarning && last)
    out.push(i18n.t('monitoring.warning.auc', [last.month, formatDecimal(last.rocAuc, locale), formatDecimal(model.cv.rocAuc, locale)]));
  const offTiers = live.tiers.filter((t) => t.alarm).map((t) => String(t.tier));
  if (offTiers.length) out.push(i18n.t('monitoring.warning.calibration', [offTiers.join(', ')]));
  if (drift.score?.level === 'drift') out.push(i18n.t('monitoring.warning.scoreDrift', [formatDecimal(drift.score.psi, locale)]));
  if (drift.drifting.length) out.push(i18n.t('monitoring.warning.inputDrift', [drift.drifting.map(nameOf).join(i18n.t('monitoring.listSeparator'))]));
  if (tiers.review) out.push(i18n.t('monitoring.warning.tiers'));
  return out;
}
