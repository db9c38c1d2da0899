import type { Translate } from '../explain/reason-text';
import type { AlertEvent } from './alert-log';

/**
 * A notification's words: who, what happened, and what a click does. The
 * message names where the click leads (the CRM page, or the customer view in
 * the extension when no CRM detail page was ever seen for this customer).
 */
export function notificationText(event: AlertEvent, t: Translate, formatTime: (at: number) => string): { title: string; message: string } {
  const click = event.url ? t('alerts.notification.openCrm') : t('alerts.notification.openView');
  if (event.kind === 'rise') {
    return {
      title: t('alerts.notification.riseTitle', [event.name, String(event.tier)]),
      message: `${t('alerts.notification.riseFrom', [String(event.from ?? '?')])} ${click}`,
    };
  }
  return {
    title: t('alerts.notification.dueTitle', [event.name]),
    message: `${t('alerts.notification.dueWhen', [String(event.tier), formatTime(event.dueAt ?? event.at)])} ${click}`,
  };
}
