import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import type { JoinBy } from '../../../../lib/adapters/generic/identity';
import { joinByItem } from '../../../../lib/mapping/join-item';
import { Select } from '../../ui';

/** The manager's per-site choice to join customers by e-mail or company domain. */
export function JoinBySetting({ site }: { site: string }) {
  const [value, setValue] = useState<JoinBy | ''>('');
  const id = useId();
  useEffect(() => {
    let live = true;
    void joinByItem.getValue().then((all) => live && setValue(all[site] ?? ''));
    const unwatch = joinByItem.watch((all) => setValue(all?.[site] ?? ''));
    return () => {
      live = false;
      unwatch();
    };
  }, [site]);

  const change = async (next: JoinBy | '') => {
    setValue(next);
    const all = { ...(await joinByItem.getValue()) };
    if (next === '') delete all[site];
    else all[site] = next;
    await joinByItem.setValue(all);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {i18n.t('mapping.joinBy')}
      </label>
      <Select id={id} value={value} onChange={(event) => void change(event.target.value as JoinBy | '')}>
        <option value="">{i18n.t('mapping.joinNone')}</option>
        <option value="email">{i18n.t('mapping.joinEmail')}</option>
        <option value="domain">{i18n.t('mapping.joinDomain')}</option>
      </Select>
      <p className="max-w-xs text-xs text-slate-500">{i18n.t('mapping.joinHint')}</p>
    </div>
  );
}
