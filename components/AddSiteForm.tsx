import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { useSiteToggle } from './useSiteToggle';
import { parseSiteInput } from '../lib/sites/origins';

/**
 * "Enable a CRM by its address": Options → Sites and the welcome page use the
 * same form and the same enable flow (the permission is asked inside the click).
 */
export function AddSiteForm({ toggle, locked, className = '' }: { toggle: ReturnType<typeof useSiteToggle>; locked: boolean; className?: string }) {
  const [address, setAddress] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const origin = parseSiteInput(address);
    if (!origin) return toggle.setNotice({ tone: 'error', text: i18n.t('sites.enabled.invalid', [address.trim()]) });
    toggle.enable(origin, (ok) => ok && setAddress(''));
  };
  return (
    <form onSubmit={submit} className={`flex flex-wrap items-end gap-2 ${className}`}>
      <label htmlFor={inputId} className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
        {i18n.t('sites.enabled.addLabel')}
        <input
          id={inputId}
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          disabled={locked}
          placeholder={i18n.t('sites.enabled.addPlaceholder')}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-900"
        />
      </label>
      <button
        type="submit"
        disabled={toggle.busy || locked || !address.trim()}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-60"
      >
        {i18n.t('sites.enabled.add')}
      </button>
    </form>
  );
}
