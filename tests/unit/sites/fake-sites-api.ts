import { readPolicy } from '@/lib/policy/managed-policy';
import type { RegisteredScript, SitesApi } from '@/lib/background/sites-service';

/** A browser for the site service: granted patterns, registered scripts, open tabs, injections. */
export function fakeSitesApi(options: { granted?: string[]; tabs?: Record<string, number[]>; managed?: unknown; required?: string[] } = {}) {
  const granted = new Set(options.granted ?? []);
  const required = new Set(options.required ?? []);
  const scripts = new Map<string, RegisteredScript>();
  const injected: { tabId: number; file: string }[] = [];
  const stopped: number[] = [];
  let managed = options.managed;
  const api: SitesApi = {
    hasOrigin: async (pattern) => granted.has(pattern),
    removeOrigin: async (pattern) => {
      if (required.has(pattern)) throw new Error('You cannot remove required permissions.');
      granted.delete(pattern);
    },
    registeredIds: async () => [...scripts.keys()],
    register: async (list) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    unregister: async (ids) => ids.forEach((id) => scripts.delete(id)),
    tabsMatching: async (pattern) => options.tabs?.[pattern] ?? [],
    inject: async (tabId, file) => void injected.push({ tabId, file }),
    stop: async (tabId) => void stopped.push(tabId),
    readPolicy: async () => readPolicy(managed),
  };
  return {
    api,
    granted,
    scripts,
    injected,
    stopped,
    setManaged: (value: unknown) => (managed = value),
  };
}
