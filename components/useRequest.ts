import { useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T; refreshing: boolean };

/**
 * Runs an async request on mount and on reload(); answers from superseded
 * requests are dropped. reload(true) keeps the current data on screen while
 * re-reading (for background change events), reload() shows loading again.
 */
export function useRequest<T>(request: () => Promise<T>): RequestState<T> & { reload: (silent?: boolean) => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const sequence = useRef(0);
  const requestRef = useRef(request);
  requestRef.current = request;

  const reload = useCallback((silent = false) => {
    const id = ++sequence.current;
    setState((current) => (silent && current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    requestRef.current().then(
      (data) => {
        if (id === sequence.current) setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (id !== sequence.current) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((current) => (silent && current.status === 'ready' ? { ...current, refreshing: false } : { status: 'error', message }));
      },
    );
  }, []);

  useEffect(() => {
    reload();
  }, [reload]);

  return { ...state, reload };
}
