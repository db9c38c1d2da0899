import { useEffect, useRef } from 'react';
import { useRequest } from '@/components/useRequest';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';

/** The monitoring view of an active model (the first active one by default), re-read when models change. */
export function useMonitoring(modelId: string | null) {
  const state = useRequest(() => sendMessage('getMonitoring', modelId ? { modelId } : {}));
  const { reload } = state;
  const first = useRef(true);
  // Another model: re-read quietly, so the view (and a promotion's rollback button) stays on screen meanwhile.
  useEffect(() => {
    if (first.current) first.current = false;
    else reload(true);
  }, [modelId]);
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);
  return state;
}
