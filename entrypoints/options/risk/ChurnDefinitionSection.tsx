import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatInteger } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import type { ChurnDefinition, IndicatorSettings } from '@/lib/indicators/types';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { ChurnPreview } from '@/lib/risk/risk-schemas';
import { definitionProblems, type DefinitionProblem } from '@/lib/risk/churn-definition';
import { indicatorSettingsItem } from '@/lib/settings';
import { ChurnPreviewCard } from './ChurnPreviewCard';
import { StatusValuesPicker } from './StatusValuesPicker';

/** Wait this long after the last edit before counting again. */
const PREVIEW_DEBOUNCE_MS = 250;

const PROBLEM_TEXT: Record<DefinitionProblem, () => string> = {
  noRule: () => i18n.t('risk.churn.error_noRule'),
  inactivityDays: () => i18n.t('risk.churn.error_inactivityDays'),
  windowDays: () => i18n.t('risk.churn.error_windowDays'),
  spendDrop: () => i18n.t('risk.churn.error_spendDrop'),
  statusValues: () => i18n.t('risk.churn.error_statusValues'),
  reasonField: () => i18n.t('risk.churn.error_reasonField'),
};

interface Draft {
  statusValues: string[];
  inactivityOn: boolean;
  inactivityDays: string;
  partialOn: boolean;
  partialDrop: string;
  windowDays: string;
  reasonField: string;
  involuntaryReasons: string[];
}

const toDraft = (d: ChurnDefinition): Draft => ({
  statusValues: [...d.statusValues],
  inactivityOn: d.inactivityDays !== null,
  inactivityDays: String(d.inactivityDays ?? 180),
  partialOn: d.partialSpendDrop !== null,
  partialDrop: String(Math.round((d.partialSpendDrop ?? 0.5) * 100)),
  windowDays: String(d.windowDays),
  reasonField: d.reasonField ?? '',
  involuntaryReasons: [...(d.involuntaryReasons ?? [])],
});

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function fromDraft(d: Draft): ChurnDefinition {
  return {
    statusValues: d.statusValues,
    inactivityDays: d.inactivityOn ? num(d.inactivityDays) : null,
    partialSpendDrop: d.partialOn ? num(d.partialDrop) / 100 : null,
    windowDays: num(d.windowDays),
    reasonField: d.reasonField || null,
    involuntaryReasons: d.involuntaryReasons,
  };
}

/** What counts as churn: status values seen in the CRM, inactivity, partial churn, and the reason field; counted live before saving. */
export function ChurnDefinitionSection({ onSaved, locked = false }: { onSaved: () => void; locked?: boolean }) {
  const locale = uiLocale();
  const [settings, setSettings] = useState<IndicatorSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<{ status: 'loading' | 'ready' | 'error'; data?: ChurnPreview; message?: string }>({ status: 'loading' });
  const [saveState, setSaveState] = useState<'idle' | 'saved' | 'error'>('idle');
  const [saveError, setSaveError] = useState('');

  useEffect(() => {
    void indicatorSettingsItem.getValue().then((value) => {
      setSettings(value);
      setDraft(toDraft(value.churn));
    });
  }, []);

  const definition = useMemo(() => (draft ? fromDraft(draft) : null), [draft]);
  const problems = definition ? definitionProblems(definition) : [];
  const valid = problems.length === 0;
  const key = JSON.stringify(definition);

  useEffect(() => {
    if (!definition || !valid) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      sendMessage('previewChurnDefinition', { definition }).then(
        (data) => !cancelled && setPreview({ status: 'ready', data }),
        (error: unknown) => !cancelled && setPreview((p) => ({ ...p, status: 'error', message: error instanceof Error ? error.message : String(error) })),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value through key
  }, [key, valid]);

  if (!draft || !settings || !definition) return <Skeleton className="h-72 w-full" />;
  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaveState('idle');
  };
  const dirty = JSON.stringify(definition) !== JSON.stringify({ ...toDraftDefinition(settings.churn) });
  const reasonValues = preview.data?.reasonFields.find((f) => f.label === draft.reasonField)?.values ?? [];

  // Through the background: it validates the definition and refuses it while a policy locks it.
  const save = async () => {
    try {
      const saved = await sendMessage('saveChurnDefinition', { definition });
      setSettings({ ...settings, churn: saved.definition });
      setSaveState('saved');
      onSaved();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      setSaveState('error');
    }
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card title={i18n.t('risk.churn.title')} subtitle={i18n.t('risk.churn.hint')}>
        {/* A policy lock disables every control of the definition at once. */}
        <fieldset disabled={locked} className="min-w-0 disabled:opacity-60">
          <StatusValuesPicker seen={preview.data?.statusValues ?? []} values={draft.statusValues} onChange={(statusValues) => update({ statusValues })} />

          <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={draft.inactivityOn} onChange={(event) => update({ inactivityOn: event.target.checked })} />
              {i18n.t('risk.churn.inactivityOn')}
            </label>
            <label className="flex items-center gap-1">
              <span className="sr-only">{i18n.t('risk.churn.inactivityDays')}</span>
              <input
                type="number"
                min={1}
                max={3650}
                step={1}
                disabled={!draft.inactivityOn}
                value={draft.inactivityDays}
                onChange={(event) => update({ inactivityDays: event.target.value })}
                aria-invalid={problems.includes('inactivityDays') || undefined}
                aria-label={i18n.t('risk.churn.inactivityDays')}
                className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums disabled:bg-slate-100"
              />
              {i18n.t('risk.churn.days')}
            </label>
          </div>

          <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={draft.partialOn} onChange={(event) => update({ partialOn: event.target.checked })} />
              {i18n.t('risk.churn.partialOn')}
            </label>
            <input
              type="number"
              min={5}
              max={100}
              step={1}
              disabled={!draft.partialOn}
              value={draft.partialDrop}
              onChange={(event) => update({ partialDrop: event.target.value })}
              aria-invalid={problems.includes('spendDrop') || undefined}
              aria-label={i18n.t('risk.churn.partialDrop')}
              className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums disabled:bg-slate-100"
            />
            <span>{i18n.t('risk.churn.partialOver')}</span>
            <input
              type="number"
              min={7}
              max={730}
              step={1}
              value={draft.windowDays}
              onChange={(event) => update({ windowDays: event.target.value })}
              aria-invalid={problems.includes('windowDays') || undefined}
              aria-label={i18n.t('risk.churn.windowDays')}
              className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums"
            />
            <span>{i18n.t('risk.churn.partialWindow')}</span>
          </div>

          <fieldset className="mb-4">
            <legend className="text-sm font-medium text-slate-800">{i18n.t('risk.churn.reasonTitle')}</legend>
            <label className="mt-1 flex items-center gap-2 text-sm text-slate-700">
              {i18n.t('risk.churn.reasonField')}
              <select
                value={draft.reasonField}
                onChange={(event) => update({ reasonField: event.target.value })}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                <option value="">{i18n.t('risk.churn.reasonNone')}</option>
                {(preview.data?.reasonFields ?? []).map((f) => (
                  <option key={f.label} value={f.label}>
                    {f.label}
                  </option>
                ))}
                {draft.reasonField && !preview.data?.reasonFields.some((f) => f.label === draft.reasonField) && (
                  <option value={draft.reasonField}>{draft.reasonField}</option>
                )}
              </select>
            </label>
            {!preview.data?.reasonFields.length && <p className="mt-1 text-xs text-slate-500">{i18n.t('risk.churn.reasonNoneSeen')}</p>}
            {draft.reasonField && reasonValues.length > 0 && (
              <div className="mt-2">
                <p className="mb-1 text-xs text-slate-500">{i18n.t('risk.churn.involuntaryHint')}</p>
                <div className="flex flex-wrap gap-2">
                  {reasonValues.map(({ value, count }) => {
                    const on = draft.involuntaryReasons.some((r) => r.toLowerCase() === value.toLowerCase());
                    return (
                      <label key={value} className="flex items-center gap-1.5 rounded-full border border-slate-300 px-2.5 py-1 text-sm text-slate-700">
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={() =>
                            update({
                              involuntaryReasons: on
                                ? draft.involuntaryReasons.filter((r) => r.toLowerCase() !== value.toLowerCase())
                                : [...draft.involuntaryReasons, value],
                            })
                          }
                        />
                        {value} <span className="text-xs text-slate-500">{formatInteger(count, locale)}</span>
                      </label>
                    );
                  })}
                </div>
              </div>
            )}
          </fieldset>

          {problems.length > 0 && (
            <ul role="alert" className="mb-3 list-inside list-disc text-sm text-red-700">
              {problems.map((p) => (
                <li key={p}>{PROBLEM_TEXT[p]()}</li>
              ))}
            </ul>
          )}
          <div className="flex items-center gap-2">
            <button
              type="button"
              disabled={!valid || !dirty}
              onClick={() => void save()}
              className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-40"
            >
              {i18n.t('risk.churn.save')}
            </button>
            <button
              type="button"
              disabled={!dirty}
              onClick={() => update(toDraft(settings.churn))}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-40"
            >
              {i18n.t('risk.tiers.revert')}
            </button>
            {saveState === 'saved' && !dirty && (
              <span role="status" className="text-xs text-emerald-700">
                {i18n.t('risk.churn.saved')}
              </span>
            )}
            {saveState === 'error' && (
              <span role="alert" className="text-xs text-red-700">
                {i18n.t('risk.churn.saveFailed', [saveError])}
              </span>
            )}
            {dirty && valid && <span className="text-xs text-amber-700">{i18n.t('risk.tiers.unsaved')}</span>}
          </div>
        </fieldset>
      </Card>

      <ChurnPreviewCard preview={preview} valid={valid} withReasons={Boolean(definition.reasonField)} />
    </div>
  );
}

/** The stored definition as the form would produce it, to tell an edit from no change. */
function toDraftDefinition(d: ChurnDefinition): ChurnDefinition {
  return fromDraft(toDraft(d));
}
