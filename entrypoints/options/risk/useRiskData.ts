import { useCallback, useEffect, useState } from 'react';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';

/**
 * Stored customers with their latest scores and labels, and the tier
 * thresholds: the saved ones and the draft the manager is editing (drag,
 * quantiles or cost model), shared by every section of the tab.
 */
export function useRiskData() {
  const request = useRequest(() => sendMessage('getRiskCustomers', {}));
  const { reload } = request;
  const [draft, setDraft] = useState<number[] | null>(null);
  const [saved, setSaved] = useState<number[] | null>(null);
  const [saving, setSaving] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string }>({ status: 'idle' });

  useEffect(() => onBackgroundEvent((event) => (event.type === 'model-changed' || event.type === 'customer-updated') && reload(true)), [reload]);
  useEffect(() => {
    if (request.status !== 'ready') return;
    setSaved(request.data.thresholds);
    setDraft((current) => current ?? request.data.thresholds);
  }, [request]);

  const save = useCallback(
    async (thresholds: number[]) => {
      setDraft(thresholds);
      setSaving({ status: 'saving' });
      try {
        const answer = await sendMessage('saveTierThresholds', { thresholds });
        setSaved(answer.thresholds);
        setSaving({ status: 'saved' });
        reload(true);
      } catch (error) {
        setSaving({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [reload],
  );

  const edit = useCallback((thresholds: number[]) => {
    setDraft(thresholds);
    setSaving({ status: 'idle' });
  }, []);

  return { request, draft, saved, edit, save, saving };
}

export type RiskData = ReturnType<typeof useRiskData>;
