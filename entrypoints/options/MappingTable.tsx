import { i18n } from '#i18n';
import { formatInteger } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { COLUMN_ROLES, COLUMN_TYPES, FEATURE_TYPES, withRole, withType, type ColumnMapping, type ColumnProfile } from '@/lib/training/column-mapping';
import { Pill, Select } from './ui';

export interface MappingTableProps {
  profiles: readonly ColumnProfile[];
  mapping: readonly ColumnMapping[];
  /** Columns set aside by the leakage check. */
  dropped: ReadonlySet<string>;
  onChange: (next: ColumnMapping[]) => void;
}

/** One row per column: its role and type (both editable), what its values look like, and whether leakage dropped it. */
export function MappingTable({ profiles, mapping, dropped, onChange }: MappingTableProps) {
  const locale = uiLocale();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="mapping-table">
        <caption className="sr-only">{i18n.t('options.data.mappingTitle')}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-500">
            <th scope="col" className="py-2 pr-3 font-medium">
              {i18n.t('options.data.colColumn')}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {i18n.t('options.data.colRole')}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {i18n.t('options.data.colType')}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {i18n.t('options.data.colValues')}
            </th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((m, i) => {
            const profile = profiles[i]!;
            const isDropped = dropped.has(m.name);
            return (
              <tr key={m.name} className="border-b border-slate-100 last:border-b-0" data-column={m.name}>
                <th scope="row" className="py-1.5 pr-3 align-top font-medium text-slate-800">
                  <span className="whitespace-nowrap">{m.name}</span>
                  {isDropped && (
                    <span className="ml-2">
                      <Pill tone="amber">{i18n.t('options.data.droppedLeak')}</Pill>
                    </span>
                  )}
                </th>
                <td className="py-1.5 pr-3 align-top">
                  <Select
                    value={m.role}
                    aria-label={i18n.t('options.data.roleOf', [m.name])}
                    onChange={(e) => onChange(withRole(mapping, m.name, e.target.value as ColumnMapping['role']))}
                  >
                    {COLUMN_ROLES.map((role) => (
                      <option key={role} value={role} disabled={role === 'feature' && !FEATURE_TYPES.includes(m.type)}>
                        {i18n.t(`options.data.role.${role}`)}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="py-1.5 pr-3 align-top">
                  <Select
                    value={m.type}
                    aria-label={i18n.t('options.data.typeOf', [m.name])}
                    onChange={(e) => onChange(withType(mapping, m.name, e.target.value as ColumnMapping['type']))}
                  >
                    {COLUMN_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {i18n.t(`options.data.type.${type}`)}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="py-1.5 pr-3 align-top text-xs text-slate-600">
                  {m.type !== profile.inferredType && (
                    <span className="mr-1">
                      <Pill tone="sky">{i18n.t('options.data.inferred', [i18n.t(`options.data.type.${profile.inferredType}`)])}</Pill>
                    </span>
                  )}
                  <span className="tabular-nums">
                    {i18n.t('options.data.valuesSummary', [formatInteger(profile.distinct, locale), formatInteger(profile.missing, locale)])}
                  </span>
                  {profile.examples.length > 0 && (
                    <span className="ml-1 text-slate-500" title={profile.examples.join(' · ')}>
                      · {profile.examples.map((e) => (e.length > 18 ? `${e.slice(0, 17)}…` : e)).join(', ')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
