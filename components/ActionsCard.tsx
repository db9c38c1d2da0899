import { i18n } from '#i18n';
import type { ActionKind, OutcomeKind } from '../lib/db/schema';
import type { ActionView } from '@/lib/agent/agent-views';
import { sendMessage } from '../lib/messaging/browser-client';
import { useBusyAction } from './useBusyAction';
import { Card } from './Card';
import { formatDateTime } from './format';

const ACTIONS: ActionKind[] = ['called', 'emailed', 'offer', 'meeting', 'no_contact'];
const OUTCOMES: OutcomeKind[] = ['retained', 'churned', 'no_answer', 'pending'];

/**
 * Log what was done (one click, with the script shown) and, later, how it
 * ended (one click on the action): the closed loop of warning → action →
 * outcome that evaluation and retraining read.
 */
export function ActionsCard(props: {
  site: string;
  crmId: string;
  tabId: number | null;
  actions: readonly ActionView[];
  scriptId?: string;
  ruleId?: string;
  locale: string;
  /** The actions offered (default: all); a control-group customer gets "No contact" only, to record the outcome. */
  only?: readonly ActionKind[];
}) {
  const { busy, error, run } = useBusyAction();
  const log = (kind: ActionKind) =>
    run(() =>
      sendMessage('logAction', {
        site: props.site,
        crmId: props.crmId,
        tabId: props.tabId,
        kind,
        ...(props.scriptId ? { scriptId: props.scriptId } : {}),
        ...(props.ruleId ? { ruleId: props.ruleId } : {}),
      }),
    );
  const outcome = (actionId: number, kind: OutcomeKind) =>
    run(() => sendMessage('setOutcome', { site: props.site, tabId: props.tabId, actionId, outcome: kind }));

  return (
    <Card title={i18n.t('sidepanel.actionsTitle')} subtitle={i18n.t('sidepanel.actionsHint')}>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={i18n.t('sidepanel.logAction')}>
        {(props.only ?? ACTIONS).map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={busy}
            onClick={() => void log(kind)}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-50"
          >
            {i18n.t(`action.${kind}`)}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      )}
      {props.actions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{i18n.t('sidepanel.actionsEmpty')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {props.actions.slice(0, 8).map((action) => (
            <li key={action.id} className="py-2 text-sm" data-action-id={action.id}>
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-slate-800">{i18n.t(`action.${action.kind}`)}</span>
                <time className="text-xs text-slate-500" dateTime={new Date(action.at).toISOString()}>
                  {formatDateTime(action.at, props.locale)}
                </time>
              </div>
              {action.outcome ? (
                <p className="mt-0.5 text-xs text-slate-600">{i18n.t('sidepanel.outcomeIs', [i18n.t(`outcome.${action.outcome.kind}`)])}</p>
              ) : (
                <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label={i18n.t('sidepanel.setOutcome')}>
                  {OUTCOMES.map((kind) => (
                    <button
                      key={kind}
                      type="button"
                      disabled={busy}
                      onClick={() => void outcome(action.id, kind)}
                      className="rounded border border-slate-200 px-2 py-0.5 text-[11px] text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-50"
                    >
                      {i18n.t(`outcome.${kind}`)}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
