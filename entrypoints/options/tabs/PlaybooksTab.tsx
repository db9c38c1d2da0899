import { i18n } from '#i18n';
import { Skeleton } from '../../../components/Skeleton';
import { StatusMessage } from '../../../components/StatusMessage';
import { FileSection } from '../playbooks/FileSection';
import { RulesSection } from '../playbooks/RulesSection';
import { SaveBar } from '../playbooks/SaveBar';
import { ScriptsSection } from '../playbooks/ScriptsSection';
import { usePlaybookDraft } from '../playbooks/usePlaybookDraft';
import { Notice } from '../ui';
import { SectionedTab } from './SectionedTab';

/**
 * The team's playbook: which script agents get for which customers (rules in
 * order, first match wins), the scripts in both languages with a live preview
 * on a stored customer, and the playbook file. `locked`: set by managed policy.
 */
export function PlaybooksTab({ locked = false }: { locked?: boolean }) {
  const draft = usePlaybookDraft();
  if (draft.loadError) return <StatusMessage tone="error" title={i18n.t('playbookEditor.loadError')} detail={draft.loadError} />;
  if (!draft.draft) return <Skeleton className="h-96 w-full" />;
  return (
    <div>
      {locked && (
        <div className="mb-3">
          <Notice tone="info">{i18n.t('playbookEditor.locked')}</Notice>
        </div>
      )}
      <SaveBar draft={draft} readOnly={locked} />
      <SectionedTab
        sections={[
          { id: 'rules', title: i18n.t('playbookEditor.sections.rules'), content: <RulesSection draft={draft} readOnly={locked} /> },
          { id: 'scripts', title: i18n.t('playbookEditor.sections.scripts'), content: <ScriptsSection draft={draft} readOnly={locked} /> },
          { id: 'file', title: i18n.t('playbookEditor.sections.file'), content: <FileSection draft={draft} readOnly={locked} /> },
        ]}
      />
    </div>
  );
}
