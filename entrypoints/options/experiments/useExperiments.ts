import { useEffect } from 'react';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';

/** The experiments with their live results, re-read when they or the playbook change. */
export function useExperiments() {
  const state = useRequest(() => sendMessage('listExperiments', {}));
  const { reload } = state;
  useEffect(
    () =>
      onBackgroundEvent(
        (event) => (event.type === 'experiments-changed' || event.type === 'customer-updated' || event.type === 'policy-changed') && reload(true),
      ),
    [reload],
  );
  return state;
}
