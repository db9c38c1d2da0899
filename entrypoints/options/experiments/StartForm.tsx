import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { actionErrorText } from '@/components/action-error';
import { TIERS, type Tier } from '@/lib/domain';
import { CONTROL_SHARE, experimentDraftSchema, type ExperimentTarget } from '@/lib/experiments/experiment';
import { powerAt, sampleSize } from '@/lib/experiments/stats/power';
import { sendMessage } from '@/lib/messaging/browser-client';
import { useRequest } from '@/components/useRequest';
import { buttonClass, Notice, Select } from '../ui';
import { formatPercent } from '@/components/format';
import { fromDateInput, toDateInput } from './format';

const DAY = 86_400_000;
const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

/** "at-risk" | "tier:4" | "rule:price-offer" ⇄ target. */
const targetKey = (t: ExperimentTarget) => (t.kind === 'at-risk' ? 'at-risk' : t.kind === 'tier' ? `tier:${t.tier}` : `rule:${t.ruleId}`);
function targetOf(key: string): ExperimentTarget {
  if (key.startsWith('tier:')) return { kind: 'tier', tier: Number(key.slice(5)) as Tier };
  if (key.startsWith('rule:')) return { kind: 'rule', ruleId: key.slice(5) };
  return { kind: 'at-risk' };
}

/**
 * Start an experiment: who (a playbook rule's customers, a tier, everyone at
 * risk), the control share, the dates, and the planned size — with the power
 * calculation for the effect the manager hopes for shown before anything
 * starts, and "use the size needed" one click away.
 */
export function StartForm({ locale, disabled, onStarted }: { locale: string; disabled: boolean; onStarted: () => void }) {
  const playbook = useRequest(() => sendMessage('getPlaybook', {}));
  const [name, setName] = useState('');
  const [target, setTarget] = useState('at-risk');
  const [share, setShare] = useState(10);
  const [start, setStart] = useState(() => toDateInput(Date.now()));
  const [end, setEnd] = useState(() => toDateInput(Date.now() + 30 * DAY));
  const [controlRate, setControlRate] = useState(30);
  const [treatedRate, setTreatedRate] = useState(24);
  const [planned, setPlanned] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const plan = { controlRate: controlRate / 100, treatedRate: treatedRate / 100, controlShare: share / 100 };
  const needed = useMemo(() => {
    try {
      return sampleSize(plan);
    } catch {
      return null;
    }
  }, [plan.controlRate, plan.treatedRate, plan.controlShare]);
  const size = planned ?? needed?.total ?? 0;
  const power = needed && size > 0 ? powerAt(plan, size) : null;

  const submit = async () => {
    setError(null);
    const draft = {
      name,
      target: targetOf(target),
      controlShare: share / 100,
      startsAt: fromDateInput(start),
      endsAt: fromDateInput(end),
      plannedSize: size,
      plan: { controlRate: plan.controlRate, treatedRate: plan.treatedRate },
    };
    const parsed = experimentDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError(i18n.t('experiments.start.invalid', [`${issue.path.join('.')}: ${issue.message}`]));
      return;
    }
    setBusy(true);
    try {
      await sendMessage('startExperiment', { draft: parsed.data });
      setName('');
      onStarted();
    } catch (e) {
      setError(actionErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  const rules = playbook.status === 'ready' ? playbook.data.playbook.rules : [];
  return (
    <Card title={i18n.t('experiments.start.title')} subtitle={i18n.t('experiments.start.intro')}>
      <form
        aria-label={i18n.t('experiments.start.title')}
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="flex flex-col gap-1 text-xs text-slate-700 sm:col-span-2">
          {i18n.t('experiments.start.name')}
          <input
            className={input}
            value={name}
            maxLength={120}
            required
            disabled={disabled}
            onChange={(e) => setName(e.target.value)}
            placeholder={i18n.t('experiments.start.namePlaceholder')}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-700">
          {i18n.t('experiments.start.target')}
          <Select aria-label={i18n.t('experiments.start.target')} value={target} disabled={disabled} onChange={(e) => setTarget(e.target.value)}>
            <option value="at-risk">{i18n.t('experiments.target.atRisk')}</option>
            {TIERS.map((tier) => (
              <option key={tier} value={`tier:${tier}`}>
                {i18n.t('experiments.target.tier', [String(tier)])}
              </option>
            ))}
            {rules.map((rule) => (
              <option key={rule.id} value={targetKey({ kind: 'rule', ruleId: rule.id })}>
                {i18n.t('experiments.target.rule', [rule.id])}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-700">
          {i18n.t('experiments.start.controlShare')}
          <span className="flex items-center gap-1">
            <input
              className={`${input} w-20`}
              type="number"
              min={CONTROL_SHARE.min * 100}
              max={CONTROL_SHARE.max * 100}
              step={1}
              value={share}
              disabled={disabled}
              onChange={(e) => setShare(Number(e.target.value))}
            />{' '}
            %
          </span>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-700">
          {i18n.t('experiments.start.startDate')}
          <input className={input} type="date" value={start} disabled={disabled} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-700">
          {i18n.t('experiments.start.endDate')}
          <input className={input} type="date" value={end} disabled={disabled} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <fieldset className="rounded-md border border-slate-200 p-3 sm:col-span-2">
          <legend className="px-1 text-xs font-semibold text-slate-700">{i18n.t('experiments.power.title')}</legend>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-xs text-slate-700">
              {i18n.t('experiments.power.controlRate')}
              <span className="flex items-center gap-1">
                <input
                  className={`${input} w-20`}
                  type="number"
                  min={1}
                  max={99}
                  step={0.5}
                  value={controlRate}
                  disabled={disabled}
                  onChange={(e) => setControlRate(Number(e.target.value))}
                />{' '}
                %
              </span>
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-700">
              {i18n.t('experiments.power.treatedRate')}
              <span className="flex items-center gap-1">
                <input
                  className={`${input} w-20`}
                  type="number"
                  min={1}
                  max={99}
                  step={0.5}
                  value={treatedRate}
                  disabled={disabled}
                  onChange={(e) => setTreatedRate(Number(e.target.value))}
                />{' '}
                %
              </span>
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-700">
              {i18n.t('experiments.start.plannedSize')}
              <input
                className={`${input} w-28`}
                type="number"
                min={10}
                step={1}
                value={size}
                disabled={disabled}
                onChange={(e) => setPlanned(Number(e.target.value))}
              />
            </label>
          </div>
          <p className="mt-2 text-sm text-slate-800" data-power>
            {needed
              ? i18n.t('experiments.power.needed', [
                  new Intl.NumberFormat(locale).format(needed.total),
                  new Intl.NumberFormat(locale).format(needed.control),
                  new Intl.NumberFormat(locale).format(needed.treated),
                ])
              : i18n.t('experiments.power.noEffect')}
          </p>
          {power !== null && (
            <p className={`mt-1 text-xs ${power < 0.8 ? 'text-amber-800' : 'text-slate-600'}`}>
              {i18n.t('experiments.power.at', [new Intl.NumberFormat(locale).format(size), formatPercent(power, locale)])}{' '}
              {needed && planned !== null && planned !== needed.total && (
                <button type="button" className={buttonClass('quiet', 'sm')} onClick={() => setPlanned(null)}>
                  {i18n.t('experiments.power.useNeeded')}
                </button>
              )}
            </p>
          )}
        </fieldset>
        {error && (
          <div className="sm:col-span-2">
            <Notice tone="error">{error}</Notice>
          </div>
        )}
        <div className="sm:col-span-2">
          <button type="submit" disabled={disabled || busy || !name.trim()} className={buttonClass('primary')}>
            {i18n.t('experiments.start.submit')}
          </button>
        </div>
      </form>
    </Card>
  );
}
