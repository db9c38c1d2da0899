import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { formatDateTime, formatProbability } from '@/components/format';
import { uiLocale } from '@/components/ui-locale';
import { StatusMessage } from '@/components/StatusMessage';
import { TierBadge } from '@/components/TierBadge';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';

/** What agents said about scores ("too high" / "too low", why), and every logged action as a CSV download. */
export function FeedbackSection() {
  const locale = uiLocale();
  const feedback = useRequest(() => sendMessage('listFeedback', {}));

  async function download() {
    const { csv } = await sendMessage('exportActions', {});
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `churn-radar-actions-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-4">
      <Card
        title={i18n.t('options.feedback.title')}
        subtitle={i18n.t('options.feedback.subtitle')}
        actions={
          <button
            type="button"
            onClick={() => void download()}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {i18n.t('options.feedback.exportActions')}
          </button>
        }
      >
        {feedback.status === 'loading' && <p className="text-sm text-slate-500">{i18n.t('common.loading')}</p>}
        {feedback.status === 'error' && <StatusMessage tone="error" title={i18n.t('options.feedback.error')} detail={feedback.message} />}
        {feedback.status === 'ready' && feedback.data.items.length === 0 && <p className="text-sm text-slate-500">{i18n.t('options.feedback.empty')}</p>}
        {feedback.status === 'ready' && feedback.data.items.length > 0 && (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 font-medium">{i18n.t('options.feedback.customer')}</th>
                <th className="py-1 font-medium">{i18n.t('options.feedback.score')}</th>
                <th className="py-1 font-medium">{i18n.t('options.feedback.verdict')}</th>
                <th className="py-1 font-medium">{i18n.t('options.feedback.reason')}</th>
                <th className="py-1 font-medium">{i18n.t('options.feedback.when')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {feedback.data.items.map((item) => (
                <tr key={`${item.site}|${item.crmId}|${item.at}`}>
                  <td className="py-1.5 font-medium text-slate-800">{item.name}</td>
                  <td className="py-1.5">
                    <span className="inline-flex items-center gap-2">
                      <TierBadge tier={item.tier} size="sm" showLabel={false} />
                      {formatProbability(item.probability, locale)}
                    </span>
                  </td>
                  <td className="py-1.5">{i18n.t(item.verdict === 'too_high' ? 'sidepanel.flagTooHigh' : 'sidepanel.flagTooLow')}</td>
                  <td className="py-1.5 text-slate-700">{item.reason}</td>
                  <td className="py-1.5 text-xs text-slate-500">{formatDateTime(item.at, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
