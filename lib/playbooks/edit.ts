import type { Playbook, PlaybookRule, ScriptTemplate } from './types';

/** Pure edits of a draft playbook, for the editor (each returns a new playbook). */

/** Moves the rule at `index` by `delta` places (−1 up, +1 down); out of range leaves it unchanged. */
export function moveRule(playbook: Playbook, index: number, delta: number): Playbook {
  return moveRuleTo(playbook, index, index + delta);
}

/** Moves the rule at `from` so it ends at `to` (drag and drop). */
export function moveRuleTo(playbook: Playbook, from: number, to: number): Playbook {
  const rules = [...playbook.rules];
  if (from < 0 || from >= rules.length || to < 0 || to >= rules.length || from === to) return playbook;
  const [rule] = rules.splice(from, 1);
  rules.splice(to, 0, rule!);
  return { ...playbook, rules };
}

export function updateRule(playbook: Playbook, index: number, change: Partial<PlaybookRule>): Playbook {
  return { ...playbook, rules: playbook.rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)) };
}

export function removeRule(playbook: Playbook, index: number): Playbook {
  return { ...playbook, rules: playbook.rules.filter((_, i) => i !== index) };
}

/** `${stem}-1`, `${stem}-2`, …: the first not taken. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A new rule at the end, enabled, for tiers 3–5, using the fallback script until the manager picks one. */
export function addRule(playbook: Playbook): Playbook {
  const rule: PlaybookRule = {
    id: freshId(
      'rule',
      playbook.rules.map((r) => r.id),
    ),
    enabled: true,
    when: { tiers: [3, 4, 5] },
    scriptId: playbook.fallbackScriptId,
  };
  return { ...playbook, rules: [...playbook.rules, rule] };
}

export function updateScript(playbook: Playbook, scriptId: string, change: (script: ScriptTemplate) => ScriptTemplate): Playbook {
  return { ...playbook, scripts: playbook.scripts.map((s) => (s.id === scriptId ? change(s) : s)) };
}

/** A copy of a script under a fresh id, added after the others; returns the playbook and the new id. */
export function duplicateScript(playbook: Playbook, scriptId: string): { playbook: Playbook; id: string } {
  const source = playbook.scripts.find((s) => s.id === scriptId);
  if (!source) return { playbook, id: scriptId };
  const id = freshId(
    source.id,
    playbook.scripts.map((s) => s.id),
  );
  const copy: ScriptTemplate = { ...structuredClone(source), id, title: { en: `${source.title.en} (copy)`, zh: `${source.title.zh}（副本）` } };
  return { playbook: { ...playbook, scripts: [...playbook.scripts, copy] }, id };
}

/** Inserts `insert` in place of the selection [start, end) and says where the cursor goes. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}

/** Toggles a value in an optional condition list; an emptied list is removed (matches everyone). */
export function toggleIn<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const current = list ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length ? next : undefined;
}
