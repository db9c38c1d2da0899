import { useEffect } from 'react';
import { useRequest } from '../../../components/useRequest';
import { sendMessage } from '../../../lib/messaging/browser-client';
import { onBackgroundEvent } from '../../../lib/messaging/events';

/** The monitoring view of an active model (the first active one by default), re-read when models change. */
export function useMonitoring(modelId: string | null) {
  const state = useRequest(() => sendMessage('getMonitoring', modelId ? { modelId } : {}));
  const { reload } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new model id is a new request
  useEffect(() => reload(), [modelId]);
  useEffect(() => onBackgroundEvent((event) => event.type === 'model-changed' && reload(true)), [reload]);
  return state;
}
