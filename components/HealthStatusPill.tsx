import type { HealthStatus } from '../lib/sites/health-state';
import { statusKey } from '../lib/sites/health-text';
import { t } from '@/lib/i18n';

const STYLE: Record<HealthStatus, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  'never-read': 'bg-amber-50 text-amber-900 ring-amber-300',
  stopped: 'bg-amber-50 text-amber-900 ring-amber-300',
  'field-missing': 'bg-amber-50 text-amber-900 ring-amber-300',
  'none-recent': 'bg-slate-50 text-slate-700 ring-slate-300',
  'no-data': 'bg-slate-50 text-slate-600 ring-slate-200',
};

/** A site's reading health as a short label (popup and Options → Sites say the same words). */
export function HealthStatusPill({ status, testId }: { status: HealthStatus; testId?: string }) {
  return (
    <span data-testid={testId} data-status={status} className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${STYLE[status]}`}>
      {t(statusKey(status))}
    </span>
  );
}
