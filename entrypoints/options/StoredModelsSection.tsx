import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { LockNotice } from '@/components/LockNotice';
import { usePolicy } from '@/components/usePolicy';
import { formatDate, formatDateTime, formatDecimal, formatInteger, labelOr } from '@/components/format';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { ActivationEvent, ModelList, ModelSummary } from '@/lib/messaging/protocol';
import { ModelSites, useEnabledOrigins } from './ModelSites';
import { Notice, Pill, buttonClass, downloadText, readFileText } from './ui';

const CompareModels = lazy(() => import('./CompareModels').then((m) => ({ default: m.CompareModels })));

type Feedback = { tone: 'success' | 'error' | 'info'; title: string; detail?: string } | null;

/** Every stored model version: activate, roll back, compare two, export, import, delete; and the activation history. */
export function StoredModelsSection({ onEvaluate }: { onEvaluate: (id: string) => void }) {
  const request = useRequest(() => sendMessage('listModels', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((e) => e.type === 'model-changed' && reload(true)), [reload]);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const fileId = useId();
  const policy = usePolicy();
  const modelLocked = policy.isLocked('model');
  const enabledOrigins = useEnabledOrigins();

  async function act(key: string, run: () => Promise<Feedback>) {
    setBusy(key);
    try {
      setFeedback(await run());
    } catch (error) {
      setFeedback({ tone: 'error', title: i18n.t('options.models.actionFailed'), detail: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
      reload(true);
    }
  }

  const nameOf = (list: ModelList, id: string | null) => (id ? (list.models.find((m) => m.id === id)?.name ?? id.slice(0, 8)) : '');

  async function importFile(file: File) {
    await act('import', async () => {
      try {
        const text = await readFileText(file, 'model');
        const result = await sendMessage('importModel', { text, fileName: file.name });
        return {
          tone: 'success',
          title: result.alreadyStored ? i18n.t('options.models.importKnown', [result.summary.name]) : i18n.t('options.models.imported', [result.summary.name]),
          detail: i18n.t('options.models.importedHint'),
        };
      } catch (error) {
        return {
          tone: 'error',
          title: i18n.t('options.models.importRejected', [file.name]),
          detail: `${error instanceof Error ? error.message : String(error)} ${i18n.t('options.models.nothingChanged')}`,
        };
      }
    });
  }

  if (request.status === 'loading') return <ModelsSkeleton />;
  if (request.status === 'error') {
    return (
      <StatusMessage
        tone="error"
        title={i18n.t('options.models.errorTitle')}
        detail={request.message}
        action={{ label: i18n.t('common.retry'), onClick: () => reload() }}
      />
    );
  }
  const list = request.data;
  const locale = uiLocale();
  const pair = compare.map((id) => list.models.find((m) => m.id === id)).filter((m): m is ModelSummary => !!m);

  return (
    <div className="space-y-4">
      <LockNotice policy={policy} setting="model" />
      <Card
        level={3}
        title={i18n.t('options.models.title')}
        subtitle={i18n.t('options.models.subtitle')}
        actions={
          <label
            htmlFor={fileId}
            className={`${buttonClass('secondary', 'sm')} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600`}
          >
            {i18n.t('options.models.import')}
            <input
              id={fileId}
              type="file"
              accept=".json,application/json"
              className="sr-only"
              data-testid="model-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importFile(file);
                e.target.value = '';
              }}
            />
          </label>
        }
      >
        {feedback && (
          <div className="mb-3" data-testid="models-feedback">
            <Notice tone={feedback.tone} title={feedback.title}>
              {feedback.detail}
            </Notice>
          </div>
        )}
        {list.models.length === 0 ? (
          <StatusMessage title={i18n.t('options.models.empty')} detail={i18n.t('options.models.emptyHint')} className="border-dashed" />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="models-table">
              <caption className="sr-only">{i18n.t('options.models.title')}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-xs whitespace-nowrap text-slate-500">
                  <th scope="col" className="w-8 py-2 pr-2 font-medium">
                    <span className="sr-only">{i18n.t('options.models.compare')}</span>
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {i18n.t('options.models.colModel')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    {i18n.t('options.model.rocAuc')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    {i18n.t('options.models.colRows')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {i18n.t('options.models.colStatus')}
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    {i18n.t('options.models.colActions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.models.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100 align-top last:border-b-0" data-model-id={m.id} data-active={m.active ? 'true' : 'false'}>
                    <td className="py-2.5 pr-2">
                      <input
                        type="checkbox"
                        className="mt-1 h-4 w-4 accent-sky-600"
                        aria-label={i18n.t('options.models.compareThis', [m.name])}
                        checked={compare.includes(m.id)}
                        onChange={(e) =>
                          setCompare((c) => (e.target.checked ? [...c.filter((id) => id !== m.id), m.id].slice(-2) : c.filter((id) => id !== m.id)))
                        }
                      />
                    </td>
                    <th scope="row" className="py-2.5 pr-3 font-normal">
                      <span className="block font-medium break-words text-slate-900">{m.name}</span>
                      <span className="mt-0.5 block text-xs text-slate-500">
                        {labelOr(t(`modelKinds.${m.kind}`), m.kind)} · {i18n.t(`options.models.origin.${m.origin}`)} · {formatDate(m.createdAt, locale)}
                        {m.parent && ` · ${i18n.t('options.models.retrains', [nameOf(list, m.parent)])}`}
                      </span>
                      <ModelSites model={m} enabled={enabledOrigins} locked={modelLocked} onSaved={() => reload(true)} />
                    </th>
                    <td className="py-2.5 pr-3 text-right font-medium text-slate-900 tabular-nums">{formatDecimal(m.metrics.roc_auc, locale)}</td>
                    <td className="py-2.5 pr-3 text-right text-slate-700 tabular-nums">{formatInteger(m.trainingRows, locale)}</td>
                    <td className="py-2.5 pr-3">
                      {m.active ? <Pill tone="green">{i18n.t('options.models.active')}</Pill> : <Pill>{i18n.t('options.models.inactive')}</Pill>}
                    </td>
                    <td className="py-2 text-right">
                      <div className="flex flex-nowrap justify-end gap-1">
                        {m.active ? (
                          <button
                            type="button"
                            className={buttonClass('secondary', 'sm')}
                            disabled={busy !== null || modelLocked}
                            title={m.rollbackTo ? i18n.t('options.models.rollbackTo', [nameOf(list, m.rollbackTo)]) : i18n.t('options.models.deactivateHint')}
                            onClick={() =>
                              void act(`rollback:${m.id}`, async () => {
                                const next = await sendMessage('rollbackModel', { id: m.id });
                                const restored = next.history.at(-1)?.activated ?? null;
                                return {
                                  tone: 'success',
                                  title: restored
                                    ? i18n.t('options.models.rolledBack', [nameOf(next, restored)])
                                    : i18n.t('options.models.deactivated', [m.name]),
                                };
                              })
                            }
                          >
                            {m.rollbackTo ? i18n.t('options.models.rollback') : i18n.t('options.models.deactivate')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className={buttonClass('primary', 'sm')}
                            disabled={busy !== null || modelLocked}
                            onClick={() =>
                              void act(`activate:${m.id}`, async () => {
                                const next = await sendMessage('activateModel', { id: m.id });
                                const replaced = next.history.at(-1)?.replaced ?? null;
                                return {
                                  tone: 'success',
                                  title: replaced
                                    ? i18n.t('options.models.activatedReplacing', [m.name, nameOf(list, replaced)])
                                    : i18n.t('options.models.activatedAlone', [m.name]),
                                };
                              })
                            }
                          >
                            {i18n.t('options.models.activate')}
                          </button>
                        )}
                        <a href="#evaluation" className={buttonClass('quiet', 'sm')} onClick={() => onEvaluate(m.id)}>
                          {i18n.t('options.models.evaluate')}
                        </a>
                        <button
                          type="button"
                          className={buttonClass('quiet', 'sm')}
                          disabled={busy !== null}
                          onClick={() =>
                            void act(`export:${m.id}`, async () => {
                              const file = await sendMessage('exportModel', { id: m.id });
                              downloadText(file.fileName, file.text);
                              return { tone: 'info', title: i18n.t('options.models.exported', [file.fileName]) };
                            })
                          }
                        >
                          {i18n.t('options.models.export')}
                        </button>
                        {!m.active &&
                          (confirmDelete === m.id ? (
                            <button
                              type="button"
                              className={buttonClass('danger', 'sm')}
                              disabled={busy !== null}
                              onClick={() =>
                                void act(`delete:${m.id}`, async () => {
                                  setConfirmDelete(null);
                                  await sendMessage('deleteModel', { id: m.id });
                                  setCompare((c) => c.filter((id) => id !== m.id));
                                  return { tone: 'info', title: i18n.t('options.models.deleted', [m.name]) };
                                })
                              }
                            >
                              {i18n.t('options.models.confirmDelete')}
                            </button>
                          ) : (
                            <button type="button" className={buttonClass('quiet', 'sm')} disabled={busy !== null} onClick={() => setConfirmDelete(m.id)}>
                              {i18n.t('options.models.delete')}
                            </button>
                          ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-xs text-slate-500">{compare.length < 2 ? i18n.t('options.models.compareHint') : i18n.t('options.models.comparing')}</p>
      </Card>

      {pair.length === 2 && (
        <Suspense fallback={<Skeleton className="h-80 w-full" />}>
          <CompareModels a={pair[0]!} b={pair[1]!} />
        </Suspense>
      )}

      <Card level={3} title={i18n.t('options.models.historyTitle')}>
        {list.history.length === 0 ? (
          <p className="text-sm text-slate-500">{i18n.t('options.models.historyEmpty')}</p>
        ) : (
          <ol className="space-y-1.5 text-sm" data-testid="activation-history">
            {[...list.history]
              .reverse()
              .slice(0, 10)
              .map((event, i) => (
                <li key={`${event.at}:${i}`} className="flex flex-wrap items-baseline gap-x-2">
                  <time className="w-40 shrink-0 text-xs text-slate-500 tabular-nums">{formatDateTime(event.at, locale)}</time>
                  <span className="text-slate-800">{historyText(event, (id) => nameOf(list, id))}</span>
                </li>
              ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

function historyText(event: ActivationEvent, name: (id: string | null) => string): string {
  if (event.action === 'activate') {
    return event.replaced
      ? i18n.t('options.models.historyReplaced', [name(event.activated), name(event.replaced)])
      : i18n.t('options.models.historyActivated', [name(event.activated)]);
  }
  if (event.action === 'rollback') return i18n.t('options.models.historyRollback', [name(event.replaced), name(event.activated)]);
  return i18n.t('options.models.historyDeactivated', [name(event.replaced)]);
}

function ModelsSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" role="status" aria-label={i18n.t('common.loading')}>
      <Skeleton className="h-4 w-40" />
      <div className="mt-4 space-y-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
