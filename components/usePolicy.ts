import { useEffect } from 'react';
import type { PolicyView } from '@/lib/policy/policy-commands';
import { onBackgroundEvent } from '../lib/messaging/events';
import { sendMessage } from '../lib/messaging/browser-client';
import type { LockableSetting } from '../lib/policy/managed-policy';
import { useRequest } from './useRequest';

export interface PolicyState {
  /** The policy, or null while loading / when it could not be read. */
  view: PolicyView | null;
  isLocked: (setting: LockableSetting) => boolean;
  /** The admin's text shown next to locked settings (null: none given). */
  reason: string | null;
  /** Why the policy could not be read (null while loading or once read). */
  error: string | null;
  reload: () => void;
}

/** The managed team policy for UI: what is locked and why; re-read when the admin's policy changes. */
export function usePolicy(): PolicyState {
  const request = useRequest(() => sendMessage('getPolicy', {}));
  const { reload } = request;
  useEffect(() => onBackgroundEvent((event) => event.type === 'policy-changed' && reload(true)), [reload]);
  const view = request.status === 'ready' ? request.data : null;
  return {
    view,
    isLocked: (setting) => view?.locked.includes(setting) ?? false,
    reason: view?.lockReason ?? null,
    error: request.status === 'error' ? request.message : null,
    reload: () => reload(true),
  };
}
