import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import type { MappingTarget } from '@/lib/fields/field-resolver';
import { chooseTarget, sameDraft } from '@/lib/mapping/draft';
import { fieldMappingsItem } from '@/lib/mapping/mapping-item';
import { replaceSiteMapping } from '@/lib/mapping/mapping-ops';
import type { SiteLabel } from '@/lib/mapping/site-labels';
import { sendMessage } from '@/lib/messaging/browser-client';
import { siteLabel } from '@/lib/sites/origins';
import { buttonClass, Notice, Select } from '../ui';
import { DateOrderSetting } from './mapping/DateOrderSetting';
import { JoinBySetting } from './mapping/JoinBySetting';
import { LabelRow } from './mapping/LabelRow';
import { MappingFileActions } from './mapping/MappingFileActions';
import { PickOnPage } from './mapping/PickOnPage';
import { TaughtPages } from './mapping/TaughtPages';

type Message = { tone: 'ok' | 'error'; text: string } | null;
type Fields = Record<string, MappingTarget>;

/**
 * Per site: the labels its pages showed (with samples and how the chosen
 * field reads them), each mapped to a product field or ignored; synonyms'
 * suggestions shown as such. The draft is saved to the mapping item, which
 * the background and open pages follow without a reload.
 */
export function FieldMappingSection() {
  const locale = uiLocale();
  const sites = useRequest(() => sendMessage('getMappingSites', {}));
  const [site, setSite] = useState<string | null>(null);
  const siteSelect = useId();
  useEffect(() => {
    if (sites.status === 'ready' && site === null) setSite(sites.data.sites[0]?.site ?? null);
  }, [sites, site]);

  return (
    <Card>
      <p className="mb-3 text-xs text-slate-500">{i18n.t('mapping.intro')}</p>
      {sites.status === 'loading' && <Skeleton className="h-32" />}
      {sites.status === 'error' && (
        <StatusMessage tone="error" title={sites.message} action={{ label: i18n.t('common.retry'), onClick: () => sites.reload() }} />
      )}
      {sites.status === 'ready' && sites.data.sites.length === 0 && <StatusMessage title={i18n.t('mapping.noSites')} />}
      {sites.status === 'ready' && sites.data.sites.length > 0 && site !== null && (
        <>
          <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor={siteSelect} className="text-xs font-medium text-slate-600">
                {i18n.t('mapping.site')}
              </label>
              <Select id={siteSelect} value={site} onChange={(event) => setSite(event.target.value)} className="min-w-64">
                {sites.data.sites.map((entry) => (
                  <option key={entry.site} value={entry.site}>
                    {i18n.t('mapping.siteOption', [siteLabel(entry.site), new Intl.NumberFormat(locale).format(entry.customers)])}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-wrap items-start gap-4">
              <JoinBySetting site={site} />
              <DateOrderSetting site={site} />
            </div>
          </div>
          <SiteMapping key={site} site={site} locale={locale} />
        </>
      )}
    </Card>
  );
}

function SiteMapping({ site, locale }: { site: string; locale: string }) {
  const labels = useRequest(() => sendMessage('getSiteLabels', { site }));
  const reloadLabels = labels.reload;
  const [saved, setSaved] = useState<Fields>({});
  const [draft, setDraft] = useState<Fields>({});
  const [message, setMessage] = useState<Message>(null);
  const now = useMemo(() => Date.now(), []);
  const dirty = !sameDraft(draft, saved);

  // The stored mapping, now and when it changes (the picker saves from the page): a clean draft follows it.
  useEffect(() => {
    let live = true;
    const follow = (fields: Fields) => {
      setSaved((before) => {
        setDraft((current) => (sameDraft(current, before) ? fields : current));
        return fields;
      });
    };
    void fieldMappingsItem.getValue().then((all) => live && follow(all[site]?.fields ?? {}));
    const unwatch = fieldMappingsItem.watch((all) => {
      follow(all?.[site]?.fields ?? {});
      reloadLabels(true);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [site, reloadLabels]);

  const choose = useCallback(
    (label: SiteLabel, value: MappingTarget | '') => setDraft((current) => chooseTarget(current, label.label, value, label.suggested)),
    [],
  );

  const write = async (fields: Fields, done: string) => {
    setMessage(null);
    try {
      await fieldMappingsItem.setValue(replaceSiteMapping(await fieldMappingsItem.getValue(), site, fields, Date.now()));
      setSaved(fields);
      setDraft(fields);
      setMessage({ tone: 'ok', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: i18n.t('mapping.saveFailed', [error instanceof Error ? error.message : String(error)]) });
    }
  };

  // Labels the mapping names that recent pages no longer show stay listed, so they can be changed or removed.
  const rows = useMemo<SiteLabel[]>(() => {
    if (labels.status !== 'ready') return [];
    const seen = new Set(labels.data.labels.map((l) => l.label));
    const gone = Object.keys(saved)
      .filter((label) => !seen.has(label))
      .map((label) => ({ label, count: 0, samples: [], suggested: null }));
    return [...labels.data.labels, ...gone];
  }, [labels, saved]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PickOnPage site={site} />
        <MappingFileActions onResult={setMessage} />
      </div>
      {message && <Notice tone={message.tone === 'ok' ? 'success' : 'error'}>{message.text}</Notice>}
      <TaughtPages site={site} locale={locale} />
      {labels.status === 'loading' && <Skeleton className="h-40" />}
      {labels.status === 'error' && (
        <StatusMessage tone="error" title={labels.message} action={{ label: i18n.t('common.retry'), onClick: () => labels.reload() }} />
      )}
      {labels.status === 'ready' && rows.length === 0 && <StatusMessage title={i18n.t('mapping.noLabels')} />}
      {labels.status === 'ready' && rows.length > 0 && (
        <>
          <p className="text-xs text-slate-500">{i18n.t('mapping.customersRead', [new Intl.NumberFormat(locale).format(labels.data.customers)])}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label={i18n.t('mapping.title')}>
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">{i18n.t('mapping.label')}</th>
                  <th className="py-2 pr-3 font-medium">{i18n.t('mapping.samples')}</th>
                  <th className="py-2 pr-3 font-medium">{i18n.t('mapping.parsed')}</th>
                  <th className="py-2 font-medium">{i18n.t('mapping.target')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((label) => (
                  <LabelRow key={label.label} label={label} draft={draft} onChoose={choose} locale={locale} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 pt-3">
        {dirty && <span className="mr-auto text-xs font-medium text-amber-700">{i18n.t('mapping.unsaved')}</span>}
        <button
          type="button"
          className={buttonClass('danger', 'sm')}
          disabled={Object.keys(saved).length === 0}
          onClick={() => void write({}, i18n.t('mapping.resetDone'))}
        >
          {i18n.t('mapping.reset')}
        </button>
        <button type="button" className={buttonClass('primary', 'sm')} disabled={!dirty} onClick={() => void write(draft, i18n.t('mapping.saved'))}>
          {i18n.t('mapping.save')}
        </button>
      </div>
    </div>
  );
}
