import { useEffect } from 'react';
import { i18n } from '#i18n';
import { t } from '@/lib/i18n';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { useRequest } from '@/components/useRequest';
import type { PanelSubject } from '@/lib/focus/panel-subject';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import { warningText } from '@/lib/sites/health-text';

/** Why the panel shows no customer for its tab: the page is being read, lists several, could not be read, or is no CRM page. */
export function PageState({ subject, tabId }: { subject: Exclude<PanelSubject, { kind: 'customer' }>; tabId: number | null }) {
  if (subject.kind === 'reading') {
    return (
      <div role="status" data-page-state="reading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-sm font-medium text-slate-700">{i18n.t('pageFocus.reading')}</p>
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  }
  if (subject.kind === 'pick') return <StatusMessage className="mt-6" title={i18n.t('pageFocus.pickTitle')} detail={i18n.t('pageFocus.pickDetail')} />;
  if (subject.kind === 'no-page') return <StatusMessage className="mt-6" title={i18n.t('pageFocus.noPageTitle')} detail={i18n.t('pageFocus.noPageDetail')} />;
  return <UnreadablePage tabId={tabId} />;
}

/** "This page could not be read", with what adapter health knows about this kind of page (it used to show customers). */
function UnreadablePage({ tabId }: { tabId: number | null }) {
  const health = useRequest(() => (tabId === null ? Promise.resolve(null) : sendMessage('getPageHealth', { tabId })));
  const { reload } = health;
  useEffect(() => onBackgroundEvent((event) => event.type === 'health-changed' && reload(true)), [reload]);
  const warnings = health.status === 'ready' ? (health.data?.warnings ?? []) : [];
  return (
    <div role="alert" data-page-state="unreadable" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="text-sm font-semibold">{i18n.t('pageFocus.unreadableTitle')}</p>
      <p className="mt-1 text-xs">{i18n.t('pageFocus.unreadableDetail')}</p>
      {warnings.map((warning) => (
        <p key={`${warning.kind}:${warning.kind === 'field-missing' ? warning.label : ''}`} className="mt-2 text-xs text-amber-900">
          {warningText(warning, t)}
        </p>
      ))}
    </div>
  );
}
