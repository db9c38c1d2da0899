import { i18n } from '#i18n';
import { LockNotice } from '@/components/LockNotice';
import { usePolicy } from '@/components/usePolicy';
import { Skeleton } from '@/components/Skeleton';
import { StatusMessage } from '@/components/StatusMessage';
import { FileSection } from '../playbooks/FileSection';
import { RulesSection } from '../playbooks/RulesSection';
import { SaveBar } from '../playbooks/SaveBar';
import { ScriptsSection } from '../playbooks/ScriptsSection';
import { usePlaybookDraft } from '../playbooks/usePlaybookDraft';
import { SectionedTab } from './SectionedTab';

/**
 * The team's playbook: which script agents get for which customers (rules in
 * order, first match wins), the scripts in both languages with a live preview
 * on a stored customer, and the playbook file. A playbook locked by managed
 * policy is shown read-only, with why.
 */
export function PlaybooksTab() {
  const draft = usePlaybookDraft();
  const policy = usePolicy();
  const locked = policy.isLocked('playbook');
  if (draft.loadError) return <StatusMessage tone="error" title={i18n.t('playbookEditor.loadError')} detail={draft.loadError} />;
  if (!draft.draft) return <Skeleton className="h-96 w-full" />;
  return (
    <div>
      <LockNotice policy={policy} setting="playbook" className="mb-3" />
      <SectionedTab
        sections={[
          { id: 'rules', title: i18n.t('playbookEditor.sections.rules'), content: <RulesSection draft={draft} readOnly={locked} /> },
          { id: 'scripts', title: i18n.t('playbookEditor.sections.scripts'), content: <ScriptsSection draft={draft} readOnly={locked} /> },
          { id: 'file', title: i18n.t('playbookEditor.sections.file'), content: <FileSection draft={draft} readOnly={locked} /> },
        ]}
      />
      {/* After the sections so it sticks to the bottom of the window while any of them is read. */}
      <SaveBar draft={draft} readOnly={locked} />
    </div>
  );
}
