import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { pick } from '@/components/bilingual';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { PreviewCustomer } from '@/lib/playbooks/playbook-commands';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { chooseScript } from '@/lib/playbooks/choose';
import { renderTemplate } from '@/lib/playbooks/template';
import type { Playbook, ScriptTemplate } from '@/lib/playbooks/types';
import { SCRIPT_VARIABLES } from '@/lib/playbooks/variables';
import { Select } from '../ui';
import { variableName } from './playbook-names';

type Preview = NonNullable<ResponseOf<'getPreviewVariables'>>;
const keyOf = (c: Pick<PreviewCustomer, 'site' | 'crmId'>) => `${c.site}\u0000${c.crmId}`;

/** The script being edited, rendered by the real template engine with a stored customer's variables, in both languages. */
export function PreviewPanel({ playbook, script }: { playbook: Playbook; script: ScriptTemplate }) {
  const locale = uiLocale();
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<PreviewCustomer[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [preview, setPreview] = useState<{ status: 'idle' | 'loading' } | { status: 'ready'; data: Preview } | { status: 'error'; message: string }>({
    status: 'idle',
  });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      sendMessage('listPreviewCustomers', query.trim() ? { query } : {}).then(
        ({ customers: list }) => {
          if (!live) return;
          setCustomers(list);
          setChosen((current) => (current && list.some((c) => keyOf(c) === current) ? current : list[0] ? keyOf(list[0]) : ''));
        },
        () => live && setCustomers([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  useEffect(() => {
    const customer = customers?.find((c) => keyOf(c) === chosen);
    if (!customer) return setPreview({ status: 'idle' });
    let live = true;
    setPreview({ status: 'loading' });
    sendMessage('getPreviewVariables', { site: customer.site, crmId: customer.crmId }).then(
      (data) => live && setPreview(data ? { status: 'ready', data } : { status: 'idle' }),
      (error: unknown) => live && setPreview({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [chosen, customers]);

  if (customers && customers.length === 0 && !query) {
    return (
      <Card title={i18n.t('playbookEditor.preview.title')} level={3}>
        <p role="status" className="text-sm text-slate-600">
          {i18n.t('playbookEditor.preview.none')}
        </p>
      </Card>
    );
  }

  const data = preview.status === 'ready' ? preview.data : null;
  const fired = data ? chooseScript(playbook, data.context) : null;
  const firedTitle = fired ? pick(fired.script.title, locale) : '';
  return (
    <Card title={i18n.t('playbookEditor.preview.title')} level={3} className="xl:sticky xl:top-20 xl:self-start">
      <div className="mb-3 flex flex-col gap-2">
        <input
          type="search"
          aria-label={i18n.t('playbookEditor.preview.search')}
          placeholder={i18n.t('playbookEditor.preview.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {i18n.t('playbookEditor.preview.customer')}
          <Select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {(customers ?? []).map((c) => (
              <option key={keyOf(c)} value={keyOf(c)}>
                {c.name}
                {c.tier ? ` · ${i18n.t('tier.name', [String(c.tier)])}` : ''}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {preview.status === 'loading' && <Skeleton className="h-40 w-full" />}
      {preview.status === 'error' && (
        <p role="alert" className="text-sm text-red-700">
          {i18n.t('playbookEditor.preview.error', [preview.message])}
        </p>
      )}
      {data && (
        <div className="space-y-3" data-preview-for={data.name}>
          <p className="text-xs text-slate-600" data-fired-rule={fired?.rule?.id ?? ''}>
            {fired?.rule
              ? i18n.t('playbookEditor.preview.firesRule', [`${firedTitle} (${fired.rule.id})`])
              : i18n.t('playbookEditor.preview.firesFallback', [firedTitle])}
          </p>
          {(
            [
              ['messageEn', script.message.en, data.variables.en],
              ['messageZh', script.message.zh, data.variables.zh],
              ['callEn', script.call.en, data.variables.en],
              ['callZh', script.call.zh, data.variables.zh],
            ] as const
          ).map(([key, template, variables]) => (
            <figure key={key}>
              <figcaption className="mb-1 text-xs font-medium text-slate-500">{i18n.t(`playbookEditor.preview.${key}`)}</figcaption>
              <p
                aria-label={i18n.t(`playbookEditor.preview.${key}`)}
                className="rounded-md border-l-4 border-sky-600 bg-sky-50 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-800"
              >
                {renderTemplate(template, variables)}
              </p>
            </figure>
          ))}
          <details className="text-xs">
            <summary className="cursor-pointer text-slate-600">{i18n.t('playbookEditor.preview.variables')}</summary>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {SCRIPT_VARIABLES.map((name) => (
                <div key={name} className="contents">
                  <dt className="font-mono text-slate-500">{`{${name}}`}</dt>
                  <dd className="text-slate-800">
                    <span className="sr-only">{variableName(name)}: </span>
                    {(locale.startsWith('zh') ? data.variables.zh : data.variables.en)[name] ?? (
                      <span className="text-slate-500">{i18n.t('playbookEditor.preview.unknownValue')}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      )}
    </Card>
  );
}
