import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { memoryPlaybookStore, playbookInForce, playbookItem } from '@/lib/playbooks/playbook-item';

beforeEach(() => fakeBrowser.reset());

describe('stored playbook', () => {
  it('is null (the default) on a fresh profile, and stores an edited playbook at version 1', async () => {
    expect(await playbookItem.getValue()).toBeNull();
    const edited = structuredClone(DEFAULT_PLAYBOOK);
    edited.rules[0]!.enabled = false;
    await playbookItem.setValue(edited);
    expect(await playbookItem.getValue()).toEqual(edited);
  });

  it('the playbook in force: the default for null, the stored one when valid, the default when it no longer validates', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(playbookInForce(null)).toBe(DEFAULT_PLAYBOOK);
    const edited = structuredClone(DEFAULT_PLAYBOOK);
    edited.fallbackScriptId = 'care-call';
    expect(playbookInForce(edited).fallbackScriptId).toBe('care-call');
    expect(playbookInForce({ format: 'churn-radar-playbook', rules: 'x' })).toBe(DEFAULT_PLAYBOOK);
  });

  it('a memory store keeps what was set', async () => {
    const store = memoryPlaybookStore();
    await store.set(DEFAULT_PLAYBOOK);
    expect(await store.get()).toBe(DEFAULT_PLAYBOOK);
  });
});
