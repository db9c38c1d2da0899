import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { Card } from '@/components/Card';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/lib/db/retention';
import { sendMessage } from '@/lib/messaging/browser-client';
import { retentionProblem } from '@/lib/privacy/retention-input';
import { errorText, inputClass, primaryButton } from './table-names';

/** How long recorded history is kept; saved through the background, which prunes at once. */
export function RetentionSection({ days, onSaved }: { days: number; onSaved: () => void }) {
  const [text, setText] = useState(String(days));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const problem = retentionProblem(text);
  const problemText =
    problem === 'notWhole'
      ? i18n.t('privacy.retention.notWhole')
      : problem === 'range'
        ? i18n.t('privacy.retention.range', [String(MIN_RETENTION_DAYS), String(MAX_RETENTION_DAYS)])
        : null;
  return (
    <Card>
      <p className="text-sm text-slate-600">{i18n.t('privacy.retention.intro')}</p>
      <form
        className="mt-3 flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (problem) return;
          sendMessage('setRetentionDays', { days: Number(text) }).then(
            ({ days: saved }) => {
              setMessage({ tone: 'ok', text: i18n.t('privacy.retention.saved', [String(saved)]) });
              onSaved();
            },
            (error: unknown) => setMessage({ tone: 'error', text: errorText(error) }),
          );
        }}
      >
        <div>
          <label htmlFor={id} className="block text-xs font-medium text-slate-700">
            {i18n.t('privacy.retention.label')}
          </label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            className={`${inputClass} mt-1 w-28`}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setMessage(null);
            }}
          />
          {problemText && (
            <p id={`${id}-problem`} className="mt-1 text-xs text-red-700">
              {problemText}
            </p>
          )}
        </div>
        <button type="submit" className={`${primaryButton} mt-5`} disabled={!!problem || Number(text) === days}>
          {i18n.t('privacy.retention.save')}
        </button>
      </form>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`mt-2 text-sm ${message.tone === 'error' ? 'text-red-800' : 'text-emerald-800'}`}>
          {message.text}
        </p>
      )}
    </Card>
  );
}
