import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger } from '@/components/format';
import { DRIFT_WINDOW_DAYS } from '@/lib/monitoring/drift';
import type { MonitoringReport } from '@/lib/monitoring/monitoring-report';
import { PSI_DRIFT, PSI_WATCH } from '@/lib/monitoring/psi';
import { inputLabel } from '../input-labels';
import { Pill } from '../ui';
import { metricText, psiTone, rateText } from './format';
import { TableHead } from './TableHead';

/** PSI of the score and of each input, training profile vs the last 30 days; the drifting inputs named first. */
export function DriftCard({ report, locale }: { report: MonitoringReport; locale: string }) {
  const { drift } = report;
  const read = drift.inputs.filter((input) => !input.unread);
  const levelText = (level: 'stable' | 'watch' | 'drift') => i18n.t(`monitoring.drift.level.${level}`);
  return (
    <Card
      level={3}
      title={i18n.t('monitoring.drift.title')}
      subtitle={i18n.t('monitoring.drift.hint', [formatInteger(DRIFT_WINDOW_DAYS, locale), metricText(PSI_WATCH, locale, 1), metricText(PSI_DRIFT, locale, 1)])}
    >
      <p className="text-sm text-slate-700" data-testid="score-psi">
        {drift.score
          ? i18n.t('monitoring.drift.score', [metricText(drift.score.psi, locale), formatInteger(drift.recent, locale)])
          : i18n.t('monitoring.drift.tooFew', [formatInteger(drift.recent, locale)])}{' '}
        {drift.score && <Pill tone={psiTone(drift.score.level)}>{levelText(drift.score.level)}</Pill>}
      </p>
      {drift.reference === 'oof' && <p className="mt-1 text-xs text-slate-500">{i18n.t('monitoring.drift.noProfile')}</p>}
      {drift.drifting.length > 0 && (
        <p className="mt-2 text-sm font-medium text-red-800" data-testid="drifting-inputs">
          {i18n.t('monitoring.drift.drifting', [drift.drifting.map(inputLabel).join(i18n.t('monitoring.listSeparator'))])}
        </p>
      )}
      {drift.unread.length > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="unread-inputs">
          {i18n.t('monitoring.drift.unread', [drift.unread.map(inputLabel).join(i18n.t('monitoring.listSeparator'))])}
        </p>
      )}
      {read.length > 0 && (
        <table className="mt-3 w-full text-sm" data-testid="drift-table">
          <TableHead
            columns={[
              { label: i18n.t('monitoring.drift.input') },
              { label: 'PSI' },
              { label: i18n.t('monitoring.drift.moved'), align: 'left' },
              { align: 'left' },
            ]}
          />
          <tbody>
            {read.slice(0, 12).map((input) => {
              // The bin whose share moved most, in words: "Monthly 50 % → 80 %".
              const moved = [...input.bins].sort((a, b) => Math.abs(b.recent - b.training) - Math.abs(a.recent - a.training))[0];
              return (
                <tr key={input.source} className="border-b border-slate-100" data-input={input.source} data-level={input.level}>
                  <td className="px-2 py-1.5">{inputLabel(input.source)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{metricText(input.psi, locale)}</td>
                  <td className="px-2 py-1.5 text-xs text-slate-600">
                    {moved && i18n.t('monitoring.drift.bin', [binText(moved.bin), rateText(moved.training, locale), rateText(moved.recent, locale)])}
                  </td>
                  <td className="px-2 py-1.5">
                    <Pill tone={psiTone(input.level)}>{levelText(input.level)}</Pill>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {read.length > 12 && <p className="mt-1 text-xs text-slate-500">{i18n.t('monitoring.drift.more', [formatInteger(read.length - 12, locale)])}</p>}
    </Card>
  );
}

function binText(bin: string): string {
  if (bin === 'missing' || bin === 'other') return i18n.t(`monitoring.drift.bins.${bin}`);
  if (bin === 'yes') return i18n.t('monitoring.drift.bins.answerYes');
  if (bin === 'no') return i18n.t('monitoring.drift.bins.answerNo');
  return bin;
}
