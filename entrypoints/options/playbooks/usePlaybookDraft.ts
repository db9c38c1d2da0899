import { useCallback, useEffect, useMemo, useState } from 'react';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { PlaybookState } from '@/lib/playbooks/playbook-commands';
import type { Playbook } from '@/lib/playbooks/types';
import { playbookProblems } from '@/lib/playbooks/validate-playbook';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The playbook being edited: the stored one as loaded, the draft, its
 * problems (checked on every edit with the same rules the background
 * applies), and save / discard / replace (import, reset).
 */
export function usePlaybookDraft() {
  const [loaded, setLoaded] = useState<PlaybookState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Playbook | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const adopt = useCallback((state: PlaybookState) => {
    setLoaded(state);
    setDraft(state.playbook);
  }, []);

  useEffect(() => {
    sendMessage('getPlaybook', {}).then(adopt, (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, [adopt]);

  const problems = useMemo(() => (draft ? playbookProblems(draft) : []), [draft]);
  const dirty = !!draft && !!loaded && draft !== loaded.playbook;

  const edit = useCallback((change: (current: Playbook) => Playbook) => {
    setDraft((current) => (current ? change(current) : current));
    setStatus({ kind: 'idle' });
  }, []);

  /** Stores a playbook (null: the default) and makes it the draft; resolves false on failure. */
  const store = useCallback(
    async (playbook: Playbook | null) => {
      setStatus({ kind: 'saving' });
      try {
        adopt(await sendMessage('savePlaybook', { playbook: playbook as unknown as Record<string, unknown> | null }));
        setStatus({ kind: 'saved' });
        return true;
      } catch (error) {
        setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return false;
      }
    },
    [adopt],
  );

  const discard = useCallback(() => {
    if (loaded) setDraft(loaded.playbook);
    setStatus({ kind: 'idle' });
  }, [loaded]);

  return { loaded, loadError, draft, problems, dirty, status, edit, store, discard };
}

export type PlaybookDraft = ReturnType<typeof usePlaybookDraft>;
