import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionsCard } from '@/components/ActionsCard';
import { ControlHoldNotice } from '@/components/ControlHoldNotice';
import { ScoreControls } from '@/components/ScoreControls';
import { Worklist } from '@/components/Worklist';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDateTime, formatInteger, formatDate } from '@/components/format';
import { isSameCustomer, siteHost } from '@/components/customer-target';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/components/ui-locale';
import { scorerName } from '@/lib/explain/score-wording';
import { ActivityList } from '@/components/ActivityList';
import { IndicatorList } from '@/components/IndicatorList';
import { LifecycleCard } from '@/components/LifecycleCard';
import { SinceLastVisitCard } from '@/components/SinceLastVisit';
import { StorageBanner } from '@/components/StorageBanner';
import { PageState } from './PageState';
import { ScoreSummary } from './ScoreSummary';
import { useFollowedPage } from './useFollowedPage';
import { ReasonList } from '@/components/ReasonList';
import { ScoreHistory } from '@/components/ScoreHistory';
import { ScriptCard } from '@/components/ScriptCard';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { CustomerView } from '@/lib/messaging/protocol';

type State = { status: 'loading' } | { status: 'empty' } | { status: 'error'; message: string } | { status: 'ready'; view: CustomerView; refreshing: boolean };

/**
 * The data of the customer the panel shows (or none), re-read when the
 * background says that customer changed — without flashing skeletons.
 */
function useCustomerView(target: { site: string; crmId: string } | null) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const shown = useRef<{ site: string; crmId: string } | null>(null);
  const sequence = useRef(0);

  const load = useCallback(async (next: { site: string; crmId: string }, silent: boolean) => {
    const id = ++sequence.current;
    setState((current) => (silent && current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    try {
      const view = await sendMessage('getCustomerView', next);
      if (id !== sequence.current) return; // a newer request superseded this one
      setState(view ? { status: 'ready', view, refreshing: false } : { status: 'empty' });
    } catch (error) {
      if (id !== sequence.current) return;
      const message = error instanceof Error ? error.message : String(error);
      // A failed background refresh keeps the data on screen; a failed first load shows the error.
      setState((current) => (silent && current.status === 'ready' ? { ...current, refreshing: false } : { status: 'error', message }));
    }
  }, []);

  const site = target?.site ?? null;
  const crmId = target?.crmId ?? null;
  useEffect(() => {
    sequence.current++;
    shown.current = site && crmId ? { site, crmId } : null;
    if (shown.current) void load(shown.current, false);
    else setState({ status: 'empty' });
  }, [site, crmId, load]);

  useEffect(
    () =>
      onBackgroundEvent((event) => {
        const current = shown.current;
        if (!current) return;
        // The customer changed (a scan, an action), or a new model or playbook changed their score or script.
        if (
          (event.type === 'customer-updated' && isSameCustomer(current, event)) ||
          event.type === 'model-changed' ||
          event.type === 'playbook-changed' ||
          event.type === 'experiments-changed'
        )
          void load(current, true);
      }),
    [load],
  );

  const retry = useCallback(() => shown.current && void load(shown.current, false), [load]);
  return { state, retry };
}

export function App() {
  const page = useFollowedPage();
  const subject = page.subject;
  const { state, retry } = useCustomerView(subject?.kind === 'customer' ? subject : null);
  const locale = uiLocale();
  const [tab, setTab] = useState<'customer' | 'worklist'>('customer');
  return (
    <main
      className="mx-auto max-w-xl space-y-3 p-3"
      aria-busy={subject === null || state.status === 'loading' || (state.status === 'ready' && state.refreshing)}
    >
      <StorageBanner locale={locale} />
      <div role="tablist" aria-label={i18n.t('sidepanel.tabs')} className="flex gap-1 rounded-lg bg-slate-200/70 p-1 text-sm">
        {(['customer', 'worklist'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`flex-1 rounded-md px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-sky-600 ${tab === id ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {i18n.t(id === 'customer' ? 'sidepanel.tabCustomer' : 'sidepanel.worklist')}
          </button>
        ))}
      </div>
      {tab === 'worklist' && (
        <Worklist
          locale={locale}
          onOpen={(item) => {
            // The agent chose this customer: shown (and actions on them accepted) until the tab's page changes.
            page.choose({ site: item.site, crmId: item.crmId });
            if (item.url) window.open(item.url, '_blank', 'noopener');
            setTab('customer');
          }}
        />
      )}
      {tab === 'customer' && (
        <>
          {subject === null && <LoadingView />}
          {subject !== null && subject.kind !== 'customer' && <PageState subject={subject} tabId={page.tabId} />}
          {subject?.kind === 'customer' && subject.basis === 'worklist' && <ChosenNotice onBack={page.clearChoice} />}
          {subject?.kind === 'customer' && <CustomerTab state={state} retry={retry} locale={locale} tabId={page.tabId} />}
        </>
      )}
    </main>
  );
}

/** A worklist choice is not the page open in the tab: said so, with the way back. */
function ChosenNotice({ onBack }: { onBack: () => void }) {
  return (
    <div
      role="status"
      data-testid="chosen-notice"
      className="flex items-center justify-between gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-xs text-sky-900"
    >
      <span>{i18n.t('pageFocus.chosen')}</span>
      <button type="button" className="shrink-0 font-medium text-sky-700 hover:underline" onClick={onBack}>
        {i18n.t('pageFocus.backToPage')}
      </button>
    </div>
  );
}

function CustomerTab({ state, retry, locale, tabId }: { state: State; retry: () => void; locale: string; tabId: number | null }) {
  return (
    <>
      {state.status === 'loading' && <LoadingView />}
      {/* The page named a customer the background has not stored yet: its scan is on the way. */}
      {state.status === 'empty' && <StatusMessage className="mt-6" title={i18n.t('pageFocus.reading')} />}
      {state.status === 'error' && (
        <StatusMessage
          className="mt-6"
          tone="error"
          title={i18n.t('sidepanel.errorTitle')}
          detail={state.message}
          action={{ label: i18n.t('common.retry'), onClick: retry }}
        />
      )}
      {state.status === 'ready' && <CustomerDetails view={state.view} refreshing={state.refreshing} locale={locale} tabId={tabId} />}
    </>
  );
}

function CustomerDetails({ view, refreshing, locale, tabId }: { view: CustomerView; refreshing: boolean; locale: string; tabId: number | null }) {
  const score = view.score;
  const changed = new Set(view.sinceLastVisit?.indicators.map((c) => c.id) ?? []);
  return (
    <div className="space-y-3">
      <header className="px-1">
        <div className="flex items-start justify-between gap-2">
          <h1 className="min-w-0 text-lg leading-tight font-semibold break-words text-slate-900">{view.name}</h1>
          <span aria-live="polite" className="h-5 shrink-0 text-xs text-slate-500">
            {refreshing ? i18n.t('sidepanel.updating') : ''}
          </span>
        </div>
        <p className="mt-0.5 truncate text-xs text-slate-500" title={`${view.site} · ${view.crmId}`}>
          {siteHost(view.site)} · {i18n.t('sidepanel.crmId')} {view.crmId}
        </p>
        {view.asOf !== null && <p className="mt-0.5 text-xs text-slate-500">{i18n.t('sidepanel.asOf', [formatDate(view.asOf, locale, 'UTC')])}</p>}
        <CustomerFacts view={view} locale={locale} />
      </header>

      {score ? (
        <>
          <ScoreSummary score={score} locale={locale} pinnedTier={view.override?.tier} />
          {view.control && <ControlHoldNotice hold={view.control} locale={locale} />}
          <Card title={i18n.t('sidepanel.reasons')} subtitle={i18n.t('sidepanel.reasonsLegend')}>
            <ReasonList reasons={score.reasons} max={6} grouped />
          </Card>
          {!view.control && score.script.text.trim() !== '' && <ScriptCard text={score.script.text} call={score.script.call} title={score.script.title} />}
          <ActionsCard
            site={view.site}
            crmId={view.crmId}
            tabId={tabId}
            actions={view.actions}
            scriptId={score.script.id}
            ruleId={score.script.ruleId}
            locale={locale}
            {...(view.control ? { only: ['no_contact'] as const } : {})}
          />
          <ScoreControls site={view.site} crmId={view.crmId} tabId={tabId} feedback={view.feedback} override={view.override} locale={locale} />
        </>
      ) : (
        <StatusMessage title={i18n.t('sidepanel.notScored')} detail={i18n.t('sidepanel.notScoredHint')} />
      )}

      {view.sinceLastVisit && <SinceLastVisitCard changes={view.sinceLastVisit} locale={locale} />}

      <LifecycleCard lifecycle={view.lifecycle} pattern={view.pattern} locale={locale} />

      <Card title={i18n.t('sidepanel.history')}>
        <ScoreHistory history={view.history} locale={locale} actions={view.actions} />
      </Card>

      <Card title={i18n.t('sidepanel.indicators')}>
        <IndicatorList indicators={view.indicators} locale={locale} changed={changed} />
      </Card>

      <Card title={i18n.t('sidepanel.activities')}>
        <ActivityList activities={view.activities} locale={locale} />
      </Card>

      <Card title={i18n.t('sidepanel.record')}>
        <dl className="divide-y divide-slate-100 text-sm">
          <Row label={i18n.t('sidepanel.firstSeen')} value={formatDateTime(view.firstSeen, locale)} />
          <Row label={i18n.t('sidepanel.lastSeen')} value={formatDateTime(view.lastSeen, locale)} />
          <Row label={i18n.t('sidepanel.observations')} value={formatInteger(view.observations, locale)} />
          {score && <Row label={i18n.t('sidepanel.model')} value={scorerName(score.model, t)} />}
        </dl>
      </Card>
    </div>
  );
}

/** Message names allow only letters, digits and underscores. */
const quadrantKey = (quadrant: NonNullable<CustomerView['quadrant']>) =>
  quadrant.replaceAll('-', '_') as 'high_risk_high_value' | 'high_risk_low_value' | 'low_risk_high_value' | 'low_risk_low_value';

/** Value, risk × value quadrant and owner, when the CRM shows them. */
function CustomerFacts({ view, locale }: { view: CustomerView; locale: string }) {
  const facts: string[] = [];
  if (view.value !== null) facts.push(i18n.t('sidepanel.value', [new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(view.value)]));
  if (view.quadrant) facts.push(i18n.t(`quadrant.${quadrantKey(view.quadrant)}`));
  if (view.owner) facts.push(i18n.t('sidepanel.owner', [view.owner]));
  if (facts.length === 0) return null;
  return <p className="mt-1 text-xs text-slate-600">{facts.join(' · ')}</p>;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 text-right font-medium break-words text-slate-800">{value || '–'}</dd>
    </div>
  );
}

/** Same outline and heights as the loaded view, so nothing jumps when the data arrives. */
function LoadingView() {
  return (
    <div className="space-y-3" role="status" aria-label={i18n.t('common.loading')}>
      <div className="space-y-1.5 px-1">
        <Skeleton className="h-6 w-2/3" />
        <Skeleton className="h-3.5 w-1/2" />
      </div>
      <div className="h-[8.5rem] rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton className="h-3 w-24" />
        <div className="mt-2 flex justify-between">
          <Skeleton className="h-10 w-24" />
          <Skeleton className="h-7 w-28 rounded-full" />
        </div>
        <Skeleton className="mt-3 h-2 w-full rounded-full" />
        <Skeleton className="mt-2 h-3 w-40" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton className="h-4 w-28" />
        <div className="mt-4 space-y-3">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="flex items-center gap-3">
              <Skeleton className="h-2 w-14 rounded-full" />
              <Skeleton className="h-4 flex-1" />
            </div>
          ))}
        </div>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="mt-3 h-16 w-full" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="mt-3 h-16 w-full" />
      </div>
    </div>
  );
}
