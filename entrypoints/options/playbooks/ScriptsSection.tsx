import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { pick } from '@/components/bilingual';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { duplicateScript, insertAt, updateScript } from '@/lib/playbooks/edit';
import { STRATEGIES, type Locale, type ScriptTemplate, type Strategy } from '@/lib/playbooks/types';
import { textProblems } from '@/lib/playbooks/validate-playbook';
import { SCRIPT_VARIABLES } from '@/lib/playbooks/variables';
import { buttonClass, Select } from '../ui';
import { strategyName, variableName } from './playbook-names';
import { PreviewPanel } from './PreviewPanel';
import type { PlaybookDraft } from './usePlaybookDraft';

type Field = { part: 'message' | 'call'; locale: Locale };
const FIELDS: Field[] = [
  { part: 'message', locale: 'en' },
  { part: 'message', locale: 'zh' },
  { part: 'call', locale: 'en' },
  { part: 'call', locale: 'zh' },
];
const fieldKey = (f: Field) => `${f.part}-${f.locale}`;
const languageName = (locale: Locale) => i18n.t(locale === 'en' ? 'playbookEditor.scripts.english' : 'playbookEditor.scripts.chinese');
const fieldLabel = (f: Field) =>
  i18n.t('playbookEditor.scripts.inLanguage', [
    i18n.t(f.part === 'message' ? 'playbookEditor.scripts.message' : 'playbookEditor.scripts.call'),
    languageName(f.locale),
  ]);

/** Edit one script in both languages (message + call) with variable insertion at the cursor, and preview it on a real customer. */
export function ScriptsSection({ draft, readOnly }: { draft: PlaybookDraft; readOnly: boolean }) {
  const playbook = draft.draft!;
  const locale = uiLocale();
  const [selected, setSelected] = useState(playbook.scripts[0]?.id ?? '');
  const script = playbook.scripts.find((s) => s.id === selected) ?? playbook.scripts[0]!;
  const [target, setTarget] = useState<Field>(FIELDS[0]!);
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const usedBy = playbook.rules.filter((r) => r.scriptId === script.id).map((r) => r.id);

  const change = (edit: (s: ScriptTemplate) => ScriptTemplate) => draft.edit((p) => updateScript(p, script.id, edit));
  const setText = (f: Field, value: string) => change((s) => ({ ...s, [f.part]: { ...s[f.part], [f.locale]: value } }));

  const insert = (name: string) => {
    const area = areas.current.get(fieldKey(target));
    const text = script[target.part][target.locale];
    const { text: next, cursor } = insertAt(text, area?.selectionStart ?? text.length, area?.selectionEnd ?? text.length, `{${name}}`);
    setText(target, next);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(cursor, cursor);
    });
  };

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <Card>
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {i18n.t('playbookEditor.scripts.pick')}
            <Select value={script.id} onChange={(e) => setSelected(e.target.value)}>
              {playbook.scripts.map((s) => (
                <option key={s.id} value={s.id}>
                  {pick(s.title, locale)} ({s.id})
                </option>
              ))}
            </Select>
          </label>
          <button
            type="button"
            disabled={readOnly}
            className={buttonClass('secondary', 'sm')}
            onClick={() => {
              let id = script.id;
              draft.edit((p) => {
                const result = duplicateScript(p, script.id);
                id = result.id;
                return result.playbook;
              });
              requestAnimationFrame(() => setSelected(id));
            }}
          >
            {i18n.t('playbookEditor.scripts.duplicate')}
          </button>
        </div>
        <p className="mb-3 text-xs text-slate-500">
          {usedBy.length ? i18n.t('playbookEditor.scripts.usedBy', [usedBy.join(', ')]) : i18n.t('playbookEditor.scripts.usedByNone')}
        </p>
        <div className="mb-3 grid gap-3 md:grid-cols-3">
          {(['en', 'zh'] as const).map((l) => (
            <label key={l} className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {i18n.t('playbookEditor.scripts.inLanguage', [i18n.t('playbookEditor.scripts.title'), languageName(l)])}
              <input
                disabled={readOnly}
                value={script.title[l]}
                onChange={(e) => change((s) => ({ ...s, title: { ...s.title, [l]: e.target.value } }))}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
              />
            </label>
          ))}
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {i18n.t('playbookEditor.scripts.strategy')}
            <Select disabled={readOnly} value={script.strategy} onChange={(e) => change((s) => ({ ...s, strategy: e.target.value as Strategy }))}>
              {STRATEGIES.map((s) => (
                <option key={s} value={s}>
                  {strategyName(s)}
                </option>
              ))}
            </Select>
          </label>
        </div>
        <div
          role="toolbar"
          aria-label={i18n.t('playbookEditor.scripts.insert')}
          className="mb-3 flex flex-wrap items-center gap-1 rounded-md border border-slate-200 bg-slate-50 p-2"
        >
          <span className="mr-1 text-xs font-medium text-slate-600">
            {i18n.t('playbookEditor.scripts.insert')} → {fieldLabel(target)}:
          </span>
          {SCRIPT_VARIABLES.map((name) => (
            <button
              key={name}
              type="button"
              disabled={readOnly}
              title={variableName(name)}
              aria-label={i18n.t('playbookEditor.scripts.insertInto', [`{${name}}`, fieldLabel(target)])}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(name)}
              className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-sky-800 hover:bg-sky-50"
            >
              {`{${name}}`}
            </button>
          ))}
        </div>
        <p className="mb-3 text-xs text-slate-500">{i18n.t('playbookEditor.scripts.optionalHint', ['{name}'])}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {FIELDS.map((f) => {
            const problems = textProblems(script, f.part, f.locale, script[f.part][f.locale]);
            const id = `script-${fieldKey(f)}`;
            return (
              <div key={fieldKey(f)} className="flex flex-col gap-1">
                <label htmlFor={id} className="text-xs font-medium text-slate-600">
                  {fieldLabel(f)}
                </label>
                <textarea
                  id={id}
                  ref={(el) => void (el ? areas.current.set(fieldKey(f), el) : areas.current.delete(fieldKey(f)))}
                  disabled={readOnly}
                  rows={6}
                  value={script[f.part][f.locale]}
                  aria-invalid={problems.length > 0}
                  onFocus={() => setTarget(f)}
                  onChange={(e) => setText(f, e.target.value)}
                  className={`rounded-md border px-2 py-1.5 text-sm leading-relaxed text-slate-800 ${problems.length ? 'border-red-400 bg-red-50' : 'border-slate-300'}`}
                />
                {problems.map((p, i) => (
                  <p key={i} className="text-xs text-red-700">
                    {pick(p.message, locale)}
                  </p>
                ))}
              </div>
            );
          })}
        </div>
      </Card>
      <PreviewPanel playbook={playbook} script={script} />
    </div>
  );
}
