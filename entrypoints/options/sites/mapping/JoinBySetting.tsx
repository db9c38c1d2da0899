import { i18n } from '#i18n';
import { joinByItem } from '@/lib/mapping/join-item';
import { SiteChoiceSetting } from './SiteChoiceSetting';

/** The manager's per-site choice to join customers by e-mail or company domain. */
export function JoinBySetting({ site }: { site: string }) {
  return (
    <SiteChoiceSetting
      site={site}
      item={joinByItem}
      label={i18n.t('mapping.joinBy')}
      automatic={i18n.t('mapping.joinNone')}
      choices={[
        { value: 'email', label: i18n.t('mapping.joinEmail') },
        { value: 'domain', label: i18n.t('mapping.joinDomain') },
      ]}
      hint={() => i18n.t('mapping.joinHint')}
    />
  );
}
