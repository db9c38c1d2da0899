import { i18n } from '#i18n';
import { Card } from '@/components/Card';

const KEYS = ['state', 'churnRate', 'retention', 'winBack', 'atRisk', 'rules', 'lifetime', 'periods'] as const;

/** What every figure means, in the manager's own terms (the same definitions lib/kpi documents). */
export function Definitions() {
  return (
    <Card>
      <p className="mb-2 text-sm text-slate-700">{i18n.t('dashboard.definitions.intro')}</p>
      <ul className="list-disc space-y-1 pl-5 text-xs leading-relaxed text-slate-600">
        {KEYS.map((key) => (
          <li key={key}>{i18n.t(`dashboard.definitions.${key}`)}</li>
        ))}
      </ul>
    </Card>
  );
}
