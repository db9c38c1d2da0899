import { i18n } from '#i18n';
import { pick } from '@/components/bilingual';
import { uiLocale } from '@/components/ui-locale';
import { buttonClass, Pill } from '../ui';
import type { PlaybookDraft } from './usePlaybookDraft';

/** Whether the default or the team's playbook is in force, unsaved changes, what blocks saving, and Save / Discard. */
export function SaveBar({ draft, readOnly }: { draft: PlaybookDraft; readOnly: boolean }) {
  const { dirty, problems, status, loaded } = draft;
  const locale = uiLocale();
  return (
    <div
      className="sticky bottom-3 z-20 order-last mt-4 rounded-lg border border-slate-300 bg-white/95 px-4 py-2 shadow-lg backdrop-blur"
      aria-label={i18n.t('playbookEditor.saveBar.save')}
      role="region"
    >
      <div className="flex flex-wrap items-center gap-3">
        <Pill tone={loaded?.isDefault ? 'slate' : 'sky'}>
          {i18n.t(loaded?.isDefault ? 'playbookEditor.saveBar.inForceDefault' : 'playbookEditor.saveBar.inForceCustom')}
        </Pill>
        {dirty && <Pill tone="amber">{i18n.t('playbookEditor.saveBar.unsaved')}</Pill>}
        <span role="status" className="text-xs text-slate-600">
          {status.kind === 'saved' && !dirty ? i18n.t('playbookEditor.saveBar.saved') : ''}
        </span>
        <span className="ml-auto flex gap-2">
          <button type="button" disabled={!dirty || status.kind === 'saving'} className={buttonClass('secondary', 'sm')} onClick={draft.discard}>
            {i18n.t('playbookEditor.saveBar.discard')}
          </button>
          <button
            type="button"
            disabled={readOnly || !dirty || problems.length > 0 || status.kind === 'saving'}
            className={buttonClass('primary', 'sm')}
            onClick={() => void draft.store(draft.draft)}
          >
            {i18n.t('playbookEditor.saveBar.save')}
          </button>
        </span>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="mt-2 text-xs text-red-800">
          <p className="font-semibold">{i18n.t('playbookEditor.saveBar.problems', [String(problems.length)])}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 6).map((p, i) => (
              <li key={i}>{pick(p.message, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      {status.kind === 'error' && (
        <p role="alert" className="mt-2 text-xs text-red-800">
          {i18n.t('playbookEditor.saveBar.saveFailed', [status.message])}
        </p>
      )}
    </div>
  );
}
