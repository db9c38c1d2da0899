import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { pick } from '@/components/bilingual';
import { Card } from '@/components/Card';
import { uiLocale } from '@/components/ui-locale';
import { TIERS } from '@/lib/domain';
import { CHURN_PATTERNS, INDICATOR_CATEGORIES, LIFECYCLE_STAGES } from '@/lib/indicators/types';
import { addRule, moveRule, moveRuleTo, removeRule, toggleIn, updateRule } from '@/lib/playbooks/edit';
import type { Playbook, PlaybookRule, RuleCondition } from '@/lib/playbooks/types';
import { buttonClass, Pill, Select } from '../ui';
import { rulesByUplift, upliftVerdict } from '@/lib/experiments/consolidate';
import { UpliftBadge, VERDICT_STYLE } from '../experiments/UpliftBadge';
import type { PlaybookDraft } from './usePlaybookDraft';

type ConditionKey = keyof RuleCondition;

const CONDITIONS: { key: ConditionKey; values: readonly (string | number)[]; label: () => string; name: (v: string | number) => string }[] = [
  { key: 'tiers', values: TIERS, label: () => i18n.t('playbookEditor.rules.tiers'), name: (v) => i18n.t('tier.name', [String(v)]) },
  {
    key: 'patterns',
    values: CHURN_PATTERNS.filter((p) => p !== 'none'),
    label: () => i18n.t('playbookEditor.rules.patterns'),
    name: (v) => i18n.t(`pattern.${v as 'none'}`),
  },
  { key: 'drivers', values: INDICATOR_CATEGORIES, label: () => i18n.t('playbookEditor.rules.drivers'), name: (v) => i18n.t(`category.${v as 'financial'}`) },
  { key: 'lifecycle', values: LIFECYCLE_STAGES, label: () => i18n.t('playbookEditor.rules.lifecycle'), name: (v) => i18n.t(`lifecycle.${v as 'new'}`) },
];

function conditionSummary(when: RuleCondition): string {
  const parts = CONDITIONS.flatMap(({ key, name, label }) => {
    const values = when[key] as (string | number)[] | undefined;
    return values?.length ? [`${label()}: ${values.map(name).join(', ')}`] : [];
  });
  return parts.length ? parts.join(' · ') : i18n.t('playbookEditor.rules.any');
}

/** The ordered rules: reorder by drag or keyboard, enable/disable, edit conditions and the script, add and delete. */
export function RulesSection({ draft, readOnly }: { draft: PlaybookDraft; readOnly: boolean }) {
  const playbook = draft.draft!;
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  // A view of the rules by measured uplift; the playbook's own order (which rule fires) is unchanged, so moving is off meanwhile.
  const [byUplift, setByUplift] = useState(false);
  const locale = uiLocale();
  const measured = playbook.rules.some((rule) => rule.measured);
  const order = byUplift ? rulesByUplift(playbook.rules).map((rule) => playbook.rules.indexOf(rule)) : playbook.rules.map((_, index) => index);

  const move = (index: number, to: number) => {
    if (to < 0 || to >= playbook.rules.length) return;
    draft.edit((p) => moveRuleTo(p, index, to));
    setAnnounce(i18n.t('playbookEditor.rules.moved', [String(index + 1), String(to + 1)]));
    // Keep keyboard focus on the moved rule's handle.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-rule-handle="${to}"]`)?.focus());
  };
  const onKey = (index: number) => (event: KeyboardEvent) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
    }
  };
  const fallback = playbook.scripts.find((s) => s.id === playbook.fallbackScriptId);

  return (
    <Card subtitle={i18n.t('playbookEditor.rules.intro')}>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {measured && (
        <label className="mb-2 flex items-center gap-2 text-xs text-slate-700">
          <input type="checkbox" checked={byUplift} onChange={(e) => setByUplift(e.target.checked)} data-sort-by-uplift />
          {i18n.t('experiments.playbook.sortByUplift')}
        </label>
      )}
      <ol aria-label={i18n.t('playbookEditor.rules.list')} className="space-y-2">
        {order
          .map((index) => playbook.rules[index]!)
          .map((rule, position) => {
            const index = order[position]!;
            return (
              <li
                key={`${rule.id}-${index}`}
                data-rule-id={rule.id}
                aria-label={`${i18n.t('playbookEditor.rules.position', [String(index + 1)])}: ${rule.id}`}
                draggable={!readOnly && !byUplift}
                onDragStart={(e: DragEvent) => {
                  setDragging(index);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(e) => dragging !== null && e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging !== null) move(dragging, index);
                  setDragging(null);
                }}
                onDragEnd={() => setDragging(null)}
                className={`rounded-md border px-3 py-2 ${rule.enabled ? 'border-slate-200 bg-white' : 'border-dashed border-slate-300 bg-slate-50 text-slate-500'} ${rule.measured ? VERDICT_STYLE[upliftVerdict(rule.measured)].border : ''} ${dragging === index ? 'opacity-50' : ''}`}
              >
                <RuleRow playbook={playbook} rule={rule} index={index} readOnly={readOnly || byUplift} draft={draft} onKey={onKey(index)} locale={locale} />
                {rule.measured && (
                  <div className="mt-2">
                    <UpliftBadge measured={rule.measured} locale={locale} />
                  </div>
                )}
              </li>
            );
          })}
      </ol>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <button type="button" disabled={readOnly} className={buttonClass('secondary')} onClick={() => draft.edit(addRule)}>
          + {i18n.t('playbookEditor.rules.add')}
        </button>
        <label className="flex items-center gap-2 text-xs text-slate-600">
          {i18n.t('playbookEditor.rules.fallbackLabel')}
          <ScriptSelect
            playbook={playbook}
            locale={locale}
            disabled={readOnly}
            value={playbook.fallbackScriptId}
            onChange={(id) => draft.edit((p) => ({ ...p, fallbackScriptId: id }))}
          />
        </label>
      </div>
      {fallback && <p className="mt-2 text-xs text-slate-500">{i18n.t('playbookEditor.rules.fallback', [pick(fallback.title, locale)])}</p>}
    </Card>
  );
}

function RuleRow({
  playbook,
  rule,
  index,
  readOnly,
  draft,
  onKey,
  locale,
}: {
  playbook: Playbook;
  rule: PlaybookRule;
  index: number;
  readOnly: boolean;
  draft: PlaybookDraft;
  onKey: (e: KeyboardEvent) => void;
  locale: string;
}) {
  const set = (change: Partial<PlaybookRule>) => draft.edit((p) => updateRule(p, index, change));
  const last = playbook.rules.length - 1;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <button
          type="button"
          data-rule-handle={index}
          disabled={readOnly}
          aria-label={i18n.t('playbookEditor.rules.handle', [String(index + 1)])}
          onKeyDown={onKey}
          className="cursor-grab rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="w-6 text-xs font-semibold text-slate-500 tabular-nums">{index + 1}</span>
        <code className="text-xs font-semibold text-slate-800">{rule.id}</code>
        {!rule.enabled && <Pill tone="amber">{i18n.t('playbookEditor.rules.disabledBadge')}</Pill>}
        <label className="flex items-center gap-1.5 text-xs text-slate-700">
          <input type="checkbox" disabled={readOnly} checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          {i18n.t('playbookEditor.rules.enabled')}
        </label>
        <label className="flex items-center gap-1.5 text-xs text-slate-700">
          {i18n.t('playbookEditor.rules.script')}
          <ScriptSelect playbook={playbook} locale={locale} disabled={readOnly} value={rule.scriptId} onChange={(id) => set({ scriptId: id })} />
        </label>
        <span className="ml-auto flex gap-1">
          <button
            type="button"
            disabled={readOnly || index === 0}
            className={buttonClass('quiet', 'sm')}
            onClick={() => draft.edit((p) => moveRule(p, index, -1))}
            aria-label={`${i18n.t('playbookEditor.rules.moveUp')}: ${rule.id}`}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={readOnly || index === last}
            className={buttonClass('quiet', 'sm')}
            onClick={() => draft.edit((p) => moveRule(p, index, 1))}
            aria-label={`${i18n.t('playbookEditor.rules.moveDown')}: ${rule.id}`}
          >
            ↓
          </button>
          <button
            type="button"
            disabled={readOnly}
            className={buttonClass('danger', 'sm')}
            onClick={() => draft.edit((p) => removeRule(p, index))}
            aria-label={`${i18n.t('playbookEditor.rules.remove')}: ${rule.id}`}
          >
            ✕
          </button>
        </span>
      </div>
      {rule.note && <p className="text-xs text-slate-500">{pick(rule.note, locale)}</p>}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600">
          {i18n.t('playbookEditor.rules.conditions')}: <span className="text-slate-800">{conditionSummary(rule.when)}</span>
        </summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {CONDITIONS.map(({ key, values, label, name }) => (
            <fieldset key={key} className="rounded border border-slate-200 p-2">
              <legend className="px-1 font-medium text-slate-600">{label()}</legend>
              <div className="flex flex-wrap gap-1">
                {values.map((value) => {
                  const chosen = ((rule.when[key] as (string | number)[] | undefined) ?? []).includes(value);
                  return (
                    <button
                      key={value}
                      type="button"
                      disabled={readOnly}
                      aria-pressed={chosen}
                      onClick={() =>
                        set({ when: { ...rule.when, [key]: toggleIn(rule.when[key] as (string | number)[] | undefined, value) } as RuleCondition })
                      }
                      className={`rounded-full border px-2 py-0.5 ${chosen ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
                    >
                      {name(value)}
                    </button>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      </details>
    </div>
  );
}

/** A choice among the playbook's scripts, by title in the UI language. */
function ScriptSelect({
  playbook,
  locale,
  disabled,
  value,
  onChange,
}: {
  playbook: Playbook;
  locale: string;
  disabled: boolean;
  value: string;
  onChange: (scriptId: string) => void;
}) {
  return (
    <Select disabled={disabled} value={value} onChange={(e) => onChange(e.target.value)}>
      {playbook.scripts.map((s) => (
        <option key={s.id} value={s.id}>
          {pick(s.title, locale)}
        </option>
      ))}
    </Select>
  );
}
