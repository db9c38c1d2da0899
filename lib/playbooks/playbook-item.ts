import { storage } from 'wxt/utils/storage';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { parsePlaybook } from './playbook-file';
import type { Playbook } from './types';

/**
 * The team's playbook as edited in Options → Playbooks; null means "the
 * default" (DEFAULT_PLAYBOOK, kept in code as the reset target), so a team
 * that never edited it gets improvements to the default with each release.
 * Version 1 is the first stored shape (the file format's version 1); a change
 * of shape bumps `version` and adds a numbered migration here, tested in
 * tests/unit/playbooks/playbook-item.test.ts.
 */
export const playbookItem = storage.defineItem<Playbook | null>('local:playbook', {
  fallback: null,
  version: 1,
});

/**
 * The playbook in force from a stored value: the default for null, and for a
 * value that no longer validates (hand-edited storage, a bug) — scripts must
 * keep coming — with the problem logged.
 */
export function playbookInForce(stored: unknown): Playbook {
  if (stored === null || typeof stored !== 'object') return DEFAULT_PLAYBOOK;
  let playbook = CHECKED.get(stored);
  if (!playbook) {
    try {
      playbook = parsePlaybook(stored);
    } catch (error) {
      console.error('[churn-radar] the stored playbook is not valid; using the default', error);
      playbook = DEFAULT_PLAYBOOK;
    }
    CHECKED.set(stored, playbook);
  }
  return playbook;
}

/** Stored values already checked (scoring asks per popover; the value changes only when saved). */
const CHECKED = new WeakMap<object, Playbook>();

/** A playbook store in memory, for tests and contexts without extension storage. */
export function memoryPlaybookStore(initial: Playbook | null = null) {
  let value = initial;
  return {
    get: async () => value,
    set: async (next: Playbook | null) => void (value = next),
  };
}
