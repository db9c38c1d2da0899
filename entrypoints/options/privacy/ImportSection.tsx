import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { ImportSummary } from '@/lib/privacy/privacy-commands';
import { readFileText } from '../ui';
import { errorText, tableLabel } from './table-names';

type State =
  | { status: 'idle' }
  | { status: 'running'; fileName: string }
  | { status: 'done'; fileName: string; summary: ImportSummary }
  | { status: 'error'; fileName: string; message: string };

/** Import a previous export: validated and merged in the background in one transaction, whole or not at all; the summary says what happened. */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const inputId = useId();
  const locale = uiLocale();
  const n = (value: number) => value.toLocaleString(locale);

  async function importFile(file: File) {
    setState({ status: 'running', fileName: file.name });
    try {
      const summary = await sendMessage('importData', { text: await readFileText(file, 'dataExport') });
      setState({ status: 'done', fileName: file.name, summary });
      onImported();
    } catch (error) {
      setState({ status: 'error', fileName: file.name, message: errorText(error) });
    }
  }

  return (
    <Card>
      <p className="text-sm text-slate-600">{i18n.t('privacy.import.intro')}</p>
      <div className="mt-3">
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
          {i18n.t('privacy.import.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={state.status === 'running'}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-900 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-slate-800"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {state.status === 'running' && (
        <p role="status" className="mt-3 text-sm text-slate-600">
          {i18n.t('privacy.import.running', [state.fileName])}
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{i18n.t('privacy.import.rejected', [state.fileName])}</p>
          <p className="mt-0.5 text-xs break-words">{state.message}</p>
          <p className="mt-1 text-xs">{i18n.t('privacy.import.nothingChanged')}</p>
        </div>
      )}
      {state.status === 'done' && (
        <div className="mt-3" role="status" aria-label={i18n.t('privacy.import.summaryLabel')}>
          <p className="text-sm font-medium text-emerald-800">
            {i18n.t('privacy.import.done', [
              state.fileName,
              n(state.summary.tables.reduce((s, t) => s + t.added, 0)),
              n(state.summary.tables.reduce((s, t) => s + t.updated, 0)),
              n(state.summary.tables.reduce((s, t) => s + t.skipped, 0)),
            ])}
          </p>
          <table className="mt-2 w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {i18n.t('privacy.stored.table')}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {i18n.t('privacy.import.added')}
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  {i18n.t('privacy.import.updated')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {i18n.t('privacy.import.skipped')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.summary.tables
                .filter((t) => t.added + t.updated + t.skipped > 0)
                .map((t) => (
                  <tr key={t.table} data-table={t.table} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {tableLabel(t.table)}
                    </th>
                    <td className="py-1 pr-3 text-right tabular-nums" data-added>
                      {n(t.added)}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{n(t.updated)}</td>
                    <td className="py-1 text-right tabular-nums" data-skipped>
                      {n(t.skipped)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">
            {i18n.t('privacy.import.settings', [n(state.summary.settings.applied), n(state.summary.settings.skipped)])}
          </p>
          {state.summary.unknownTables.length > 0 && (
            <p className="mt-1 text-xs text-amber-800">{i18n.t('privacy.import.unknownTables', [state.summary.unknownTables.join(', ')])}</p>
          )}
        </div>
      )}
    </Card>
  );
}
