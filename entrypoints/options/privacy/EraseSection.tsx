import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { sendMessage } from '@/lib/messaging/browser-client';
import { ERASE_ALL_CONFIRMATION, type DataSummary } from '@/lib/privacy/privacy-commands';
import { confirms } from '@/lib/privacy/confirm';
import { dangerButton, errorText, inputClass, siteLabel } from './table-names';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** Erase one site's data, or everything, each behind a typed confirmation. */
export function EraseSection({ summary, onErased }: { summary: DataSummary; onErased: () => void }) {
  const locale = uiLocale();
  const [site, setSite] = useState(summary.sites[0]?.site ?? '');
  const [siteTyped, setSiteTyped] = useState('');
  const [allTyped, setAllTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ids = { site: useId(), siteConfirm: useId(), allConfirm: useId() };
  const word = i18n.t('privacy.erase.allWord');
  const chosen = summary.sites.find((s) => s.site === site) ?? summary.sites[0];
  const chosenHost = chosen ? siteLabel(chosen.site) : '';

  async function erase(run: () => Promise<{ deleted: number }>, done: (deleted: string) => string) {
    setBusy(true);
    setOutcome(null);
    try {
      const { deleted } = await run();
      setOutcome({ tone: 'ok', text: done(deleted.toLocaleString(locale)) });
      setSiteTyped('');
      setAllTyped('');
      onErased();
    } catch (error) {
      setOutcome({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <Card title={i18n.t('privacy.erase.siteTitle')} subtitle={i18n.t('privacy.erase.siteHint')} level={3}>
        {!chosen ? (
          <p className="text-sm text-slate-500">{i18n.t('privacy.stored.noSites')}</p>
        ) : (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              void erase(
                () => sendMessage('eraseSite', { site: chosen.site, confirm: chosen.site }),
                (n) => i18n.t('privacy.erase.siteDone', [n, chosenHost]),
              );
            }}
          >
            <div>
              <label htmlFor={ids.site} className="block text-xs font-medium text-slate-700">
                {i18n.t('privacy.erase.site')}
              </label>
              <select
                id={ids.site}
                className={`${inputClass} mt-1`}
                value={chosen.site}
                onChange={(e) => {
                  setSite(e.target.value);
                  setSiteTyped('');
                }}
              >
                {summary.sites.map((s) => (
                  <option key={s.site} value={s.site}>
                    {siteLabel(s.site)} ({s.total.toLocaleString(locale)})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.siteConfirm} className="block text-xs font-medium text-slate-700">
                {i18n.t('privacy.erase.typeSite', [chosenHost])}
              </label>
              <input
                id={ids.siteConfirm}
                className={`${inputClass} mt-1 w-64`}
                value={siteTyped}
                autoComplete="off"
                onChange={(e) => setSiteTyped(e.target.value)}
                placeholder={chosenHost}
              />
            </div>
            <button type="submit" className={dangerButton} disabled={busy || !(confirms(siteTyped, chosenHost) || confirms(siteTyped, chosen.site))}>
              {i18n.t('privacy.erase.siteButton', [chosenHost])}
            </button>
          </form>
        )}
      </Card>
      <Card title={i18n.t('privacy.erase.allTitle')} subtitle={i18n.t('privacy.erase.allHint')} level={3} className="border-red-200">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void erase(
              () => sendMessage('eraseAll', { confirm: ERASE_ALL_CONFIRMATION }),
              (n) => i18n.t('privacy.erase.allDone', [n]),
            );
          }}
        >
          <div>
            <label htmlFor={ids.allConfirm} className="block text-xs font-medium text-slate-700">
              {i18n.t('privacy.erase.typeWord', [word])}
            </label>
            <input
              id={ids.allConfirm}
              className={`${inputClass} mt-1 w-64`}
              value={allTyped}
              autoComplete="off"
              onChange={(e) => setAllTyped(e.target.value)}
              placeholder={word}
            />
          </div>
          <button type="submit" className={dangerButton} disabled={busy || !confirms(allTyped, word)}>
            {i18n.t('privacy.erase.allButton')}
          </button>
        </form>
      </Card>
      {outcome && (
        <p role={outcome.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${outcome.tone === 'error' ? 'text-red-800' : 'text-emerald-800'}`}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
