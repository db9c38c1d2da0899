import { useState } from 'react';
import { i18n } from '#i18n';
import { formatInteger } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import type { FieldValueCount } from '@/lib/risk/churn-definition';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The churned status values: those seen in stored customers (with counts), those configured but unseen, and a free entry. */
export function StatusValuesPicker({
  seen,
  values,
  onChange,
}: {
  seen: readonly FieldValueCount[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const locale = uiLocale();
  const [newValue, setNewValue] = useState('');
  const has = (value: string) => values.some((v) => same(v, value));
  const configuredOnly = values.filter((v) => !seen.some((s) => same(s.value, v)));
  const toggle = (value: string) => onChange(has(value) ? values.filter((v) => !same(v, value)) : [...values, value]);
  return (
    <fieldset className="mb-4">
      <legend className="text-sm font-medium text-slate-800">{i18n.t('risk.churn.statusTitle')}</legend>
      <p className="mb-2 text-xs text-slate-500">{seen.length ? i18n.t('risk.churn.statusHint') : i18n.t('risk.churn.statusNone')}</p>
      <div className="flex flex-wrap gap-2">
        {[...seen.map((v) => ({ value: v.value, count: v.count as number | null })), ...configuredOnly.map((value) => ({ value, count: null }))].map(
          ({ value, count }) => (
            <label
              key={value}
              className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm ${has(value) ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-300 text-slate-700'}`}
            >
              <input type="checkbox" checked={has(value)} onChange={() => toggle(value)} />
              {value}
              <span className="text-xs text-slate-600 tabular-nums">{count === null ? i18n.t('risk.churn.notSeen') : formatInteger(count, locale)}</span>
            </label>
          ),
        )}
      </div>
      <form
        className="mt-2 flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (newValue.trim() && !has(newValue)) onChange([...values, newValue.trim()]);
          setNewValue('');
        }}
      >
        <input
          value={newValue}
          onChange={(event) => setNewValue(event.target.value)}
          maxLength={100}
          aria-label={i18n.t('risk.churn.addValue')}
          placeholder={i18n.t('risk.churn.addValue')}
          className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <button type="submit" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50">
          {i18n.t('risk.churn.add')}
        </button>
      </form>
    </fieldset>
  );
}
