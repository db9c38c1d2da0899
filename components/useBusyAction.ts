import { useState } from 'react';
import { actionErrorText } from './action-error';

/** One click's work with a busy flag (buttons disabled meanwhile) and its error in words, for action buttons. */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(actionErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
