import { useEffect } from 'react';
import { i18n } from '#i18n';
import { useRequest } from '@/components/useRequest';
import { dateOrderItem } from '@/lib/mapping/date-order-item';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';
import type { PageDateOrder } from '@/lib/sites/health';
import { SiteChoiceSetting } from './SiteChoiceSetting';

const orderLabel = (order: PageDateOrder['order']) => (order === 'dmy' ? i18n.t('dateOrder.dmyShort') : i18n.t('dateOrder.mdyShort'));
const sourceLabel = (source: PageDateOrder['source']) =>
  source === 'page'
    ? i18n.t('dateOrder.fromPage')
    : source === 'site'
      ? i18n.t('dateOrder.fromSite')
      : source === 'language'
        ? i18n.t('dateOrder.fromLanguage')
        : i18n.t('dateOrder.fromSetting');

/**
 * How the site writes numeric dates ("12/6/2026"): automatic (inferred per
 * page, lib/adapters/dates.ts; shown with what settled it, or that nothing
 * has, so such dates stay unread), or set by the manager: never a silent guess.
 */
export function DateOrderSetting({ site }: { site: string }) {
  const health = useRequest(() => sendMessage('getSitesHealth', {}));
  const { reload } = health;
  useEffect(() => onBackgroundEvent((event) => event.type === 'health-changed' && event.site === site && reload(true)), [reload, site]);
  const inferred = health.status === 'ready' ? (health.data.sites.find((entry) => entry.origin === site)?.summary.inferredDateOrder ?? null) : null;
  return (
    <SiteChoiceSetting
      site={site}
      item={dateOrderItem}
      testId="date-order-setting"
      label={i18n.t('dateOrder.label')}
      automatic={i18n.t('dateOrder.auto')}
      choices={[
        { value: 'dmy', label: i18n.t('dateOrder.dmy') },
        { value: 'mdy', label: i18n.t('dateOrder.mdy') },
      ]}
      hint={(value) =>
        value !== ''
          ? i18n.t('dateOrder.setHint')
          : inferred
            ? i18n.t('dateOrder.inferred', [orderLabel(inferred.order), sourceLabel(inferred.source)])
            : i18n.t('dateOrder.notSettled')
      }
    />
  );
}
