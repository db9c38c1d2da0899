import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { ModelList, ModelSummary } from '@/lib/messaging/protocol';
import { modelSiteChoices, servedSites } from '@/lib/sites/model-site-choices';
import { buttonClass } from './ui';

/** The enabled sites' origins (null while loading), kept current. */
export function useEnabledOrigins(): string[] | null {
  const request = useRequest(() => sendMessage('listSites', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((event) => event.type === 'sites-changed' && reload(true)), [reload]);
  return request.status === 'ready' ? request.data.sites.map((site) => site.origin) : null;
}

interface ModelSitesProps {
  model: ModelSummary;
  enabled: readonly string[] | null;
  /** The team policy locks models: assignments are shown, not changed. */
  locked?: boolean;
  /** Open the picker at once (after training, when the model serves no site yet). */
  startOpen?: boolean;
  onSaved?: (list: ModelList) => void;
}

/**
 * Which sites a model scores, said plainly ("Serves: demo CRM", or "Not used
 * on any site — assign"), and a picker to change it. A model trained on one
 * site's data scores another only when a manager assigns it here.
 */
export function ModelSites({ model, enabled, locked = false, startOpen = false, onSaved }: ModelSitesProps) {
  const [open, setOpen] = useState(startOpen);
  const [chosen, setChosen] = useState<string[]>(model.sites);
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  const legendId = useId();
  useEffect(() => setChosen(model.sites), [model.sites]);
  const choices = modelSiteChoices(enabled ?? [], model.sites, i18n.t('modelSites.demoCrm'));
  const served = servedSites(choices, model.sites);

  async function save() {
    setState({ saving: true, error: null });
    try {
      const list = await sendMessage('assignModelSites', { id: model.id, sites: chosen });
      setState({ saving: false, error: null });
      setOpen(false);
      onSaved?.(list);
    } catch (error) {
      setState({ saving: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="mt-1 text-xs" data-testid="model-sites">
      <p className="flex flex-wrap items-baseline gap-x-2">
        {served ? (
          <span className="text-slate-700">{i18n.t('modelSites.serves', [served])}</span>
        ) : (
          <span className="font-medium text-amber-800">{i18n.t('modelSites.none')}</span>
        )}
        {!open && (
          <button type="button" className="font-medium text-sky-700 hover:underline disabled:text-slate-400" disabled={locked} onClick={() => setOpen(true)}>
            {served ? i18n.t('modelSites.change') : i18n.t('modelSites.assign')}
          </button>
        )}
      </p>
      {open && (
        <fieldset className="mt-1.5 rounded-md border border-slate-200 bg-slate-50 p-2" aria-labelledby={legendId}>
          <p id={legendId} className="mb-1 font-medium text-slate-700">
            {i18n.t('modelSites.legend', [model.name])}
          </p>
          {enabled === null ? (
            <p className="text-slate-500">{i18n.t('common.loading')}</p>
          ) : choices.length === 0 ? (
            <p className="text-slate-500">{i18n.t('modelSites.noSites')}</p>
          ) : (
            <ul className="space-y-0.5">
              {choices.map((choice) => (
                <li key={choice.origin}>
                  <label className="inline-flex items-center gap-1.5 text-slate-800">
                    <input
                      type="checkbox"
                      className="h-3.5 w-3.5 accent-sky-600"
                      checked={chosen.includes(choice.origin)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, choice.origin] : c.filter((o) => o !== choice.origin)))}
                    />
                    {choice.label}
                    {!choice.enabled && <span className="text-slate-500">{i18n.t('modelSites.notEnabled')}</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-slate-500">{i18n.t('modelSites.hint')}</p>
          <div className="mt-1.5 flex gap-1">
            <button type="button" className={buttonClass('primary', 'sm')} disabled={state.saving || locked} onClick={() => void save()}>
              {i18n.t('modelSites.save')}
            </button>
            <button
              type="button"
              className={buttonClass('quiet', 'sm')}
              disabled={state.saving}
              onClick={() => {
                setOpen(false);
                setChosen(model.sites);
              }}
            >
              {i18n.t('modelSites.cancel')}
            </button>
          </div>
          {state.error && (
            <p role="alert" className="mt-1 text-red-800">
              {state.error}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
