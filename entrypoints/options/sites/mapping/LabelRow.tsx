import { i18n } from '#i18n';
import { t as looseT } from '@/lib/i18n';
import { fieldChoices } from '@/lib/content/picker/field-choices';
import type { MappingTarget } from '@/lib/fields/field-resolver';
import { labelState } from '@/lib/mapping/draft';
import { parsedValue } from '@/lib/mapping/parsed-value';
import type { SiteLabel } from '@/lib/mapping/site-labels';
import { Pill, Select } from '@/entrypoints/options/ui';
import { ParsedValueText } from './ParsedValueText';

export interface LabelRowProps {
  label: SiteLabel;
  draft: Readonly<Record<string, MappingTarget>>;
  onChoose: (label: SiteLabel, value: MappingTarget | '') => void;
  locale: string;
  now: number;
}

/** One CRM label: its sample values, how the chosen field reads the first one, and the field it maps to. */
export function LabelRow({ label, draft, onChoose, locale, now }: LabelRowProps) {
  const state = labelState(label.label, label.suggested, draft);
  const sample = label.samples[0];
  const parsed = state.target && state.target !== 'ignore' && sample !== undefined ? parsedValue(state.target, sample, now) : null;
  const choices = fieldChoices(label.suggested, looseT, locale);
  return (
    <tr className="border-b border-slate-100 align-top last:border-0">
      <td className="py-2 pr-3">
        <div className="font-medium text-slate-900">{label.label}</div>
        <div className="text-xs text-slate-500">{i18n.t('mapping.count', [String(label.count)])}</div>
      </td>
      <td className="max-w-64 py-2 pr-3 text-slate-700">
        {label.samples.length === 0 ? (
          <span className="text-slate-500">{i18n.t('mapping.noSample')}</span>
        ) : (
          <ul className="space-y-0.5">
            {label.samples.map((value) => (
              <li key={value} className="truncate" title={value}>
                {value}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="py-2 pr-3 text-slate-800">
        {state.target === 'ignore' ? <span className="text-slate-500">—</span> : <ParsedValueText value={parsed} locale={locale} />}
      </td>
      <td className="py-2">
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label={i18n.t('mapping.targetFor', [label.label])}
            value={state.target ?? ''}
            onChange={(event) => onChoose(label, event.target.value as MappingTarget | '')}
            className="min-w-48"
          >
            {!label.suggested && <option value="">{i18n.t('mapping.notMapped')}</option>}
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.text}
              </option>
            ))}
          </Select>
          {state.source === 'suggested' && <Pill tone="sky">{i18n.t('mapping.suggested')}</Pill>}
          {state.source === 'mapped' && (
            <Pill tone={state.target === 'ignore' ? 'slate' : 'green'}>{state.target === 'ignore' ? i18n.t('mapping.ignored') : i18n.t('mapping.mapped')}</Pill>
          )}
        </div>
      </td>
    </tr>
  );
}
