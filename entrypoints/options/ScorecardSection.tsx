import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDecimal } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { Scorecard } from '@/lib/model/types';
import { inputLabel } from './input-labels';
import { Notice, Pill, buttonClass } from './ui';

const OPS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

function asScorecard(value: unknown): Scorecard | null {
  const s = value as Partial<Scorecard> | null;
  return s && typeof s.intercept === 'number' && Array.isArray(s.rules) ? (s as Scorecard) : null;
}

/** The starter scorecard: transparent weighted rules over the indicators, weights editable; scores while no model is active. */
export function ScorecardSection() {
  const request = useRequest(() => sendMessage('getScorecard', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((e) => e.type === 'model-changed' && reload(true)), [reload]);
  const [draft, setDraft] = useState<Scorecard | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const locale = uiLocale();
  const stored = request.status === 'ready' ? asScorecard(request.data.scorecard) : null;
  useEffect(() => {
    if (stored) setDraft(structuredClone(stored));
    // Re-seed the form when the stored scorecard changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(stored)]);

  if (request.status === 'loading') return <Skeleton className="h-64 w-full" />;
  if (request.status === 'error')
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('options.scorecard.errorTitle')}
        detail={request.message}
        action={{ label: i18n.t('common.retry'), onClick: () => reload() }}
      />
    );
  if (!draft) return <StatusMessage tone="error" title={i18n.t('options.scorecard.errorTitle')} />;

  const changed = JSON.stringify(draft) !== JSON.stringify(stored);
  const save = async (value: Scorecard | null) => {
    try {
      await sendMessage('saveScorecard', { scorecard: value as unknown as Record<string, unknown> | null });
      setMessage({ tone: 'success', text: value ? i18n.t('options.scorecard.saved') : i18n.t('options.scorecard.resetDone') });
      reload(true);
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const setWeight = (index: number, weight: number) => setDraft((d) => (d ? { ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, weight } : r)) } : d));

  return (
    <Card
      level={3}
      title={i18n.t('options.scorecard.title')}
      subtitle={i18n.t('options.scorecard.intro')}
      actions={request.data.inUse ? <Pill tone="green">{i18n.t('options.scorecard.inUse')}</Pill> : <Pill>{i18n.t('options.scorecard.standby')}</Pill>}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="scorecard">
          <caption className="sr-only">{i18n.t('options.scorecard.title')}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                {i18n.t('options.scorecard.colRule')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                {i18n.t('options.scorecard.colWeight')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-normal text-slate-700">
                {i18n.t('options.scorecard.intercept')}
              </th>
              <td className="py-1.5 text-right">
                <WeightInput value={draft.intercept} label={i18n.t('options.scorecard.intercept')} onChange={(v) => setDraft({ ...draft, intercept: v })} />
              </td>
            </tr>
            {draft.rules.map((rule, i) => (
              <tr key={`${rule.indicator}:${rule.condition.op}:${rule.condition.value}`} className="border-b border-slate-100 last:border-b-0">
                <th scope="row" className="py-1.5 pr-3 font-normal text-slate-800">
                  {i18n.t('options.scorecard.rule', [
                    inputLabel(`ind:${rule.indicator}`),
                    OPS[rule.condition.op] ?? rule.condition.op,
                    formatDecimal(rule.condition.value, locale, rule.condition.value % 1 ? 2 : 0),
                  ])}
                </th>
                <td className="py-1.5 text-right">
                  <WeightInput value={rule.weight} label={inputLabel(`ind:${rule.indicator}`)} onChange={(v) => setWeight(i, v)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">{i18n.t('options.scorecard.howItWorks')}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass('primary', 'sm')} disabled={!changed} onClick={() => void save(draft)}>
          {i18n.t('options.scorecard.save')}
        </button>
        <button type="button" className={buttonClass('secondary', 'sm')} onClick={() => void save(null)}>
          {i18n.t('options.scorecard.reset')}
        </button>
        {message && (
          <div className="min-w-0 flex-1">
            <Notice tone={message.tone} title={message.text} />
          </div>
        )}
      </div>
    </Card>
  );
}

function WeightInput({ value, label, onChange }: { value: number; label: string; onChange: (value: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <input
      type="number"
      step={0.1}
      min={-10}
      max={10}
      value={text}
      aria-label={i18n.t('options.scorecard.weightOf', [label])}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(Math.max(-10, Math.min(10, v)));
      }}
      className="w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600"
    />
  );
}
