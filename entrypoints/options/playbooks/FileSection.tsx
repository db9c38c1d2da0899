import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { parsePlaybookFile, PLAYBOOK_FILE_NAME, playbookFileText } from '@/lib/playbooks/playbook-file';
import { buttonClass, downloadText, Notice, readFileText } from '../ui';
import type { PlaybookDraft } from './usePlaybookDraft';

/** Export the playbook in force, import a file (checked first; a bad file changes nothing), reset to the default. */
export function FileSection({ draft, readOnly }: { draft: PlaybookDraft; readOnly: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function importFile(file: File) {
    setNotice(null);
    try {
      const playbook = parsePlaybookFile(await readFileText(file, 'playbook'));
      const text = i18n.t('playbookEditor.file.imported', [String(playbook.rules.length), String(playbook.scripts.length)]);
      if (await draft.store(playbook)) setNotice({ tone: 'success', text });
    } catch (error) {
      setNotice({ tone: 'error', text: i18n.t('playbookEditor.file.importFailed', [error instanceof Error ? error.message : String(error)]) });
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  async function reset() {
    if (!window.confirm(i18n.t('playbookEditor.file.resetConfirm'))) return;
    const text = i18n.t('playbookEditor.file.resetDone');
    if (await draft.store(null)) setNotice({ tone: 'success', text });
  }

  return (
    <Card>
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <button
            type="button"
            className={buttonClass('secondary')}
            onClick={() => draft.loaded && downloadText(PLAYBOOK_FILE_NAME, playbookFileText(draft.loaded.playbook))}
          >
            {i18n.t('playbookEditor.file.export')}
          </button>
          <p className="mt-1 text-xs text-slate-500">{i18n.t('playbookEditor.file.exportHint')}</p>
        </div>
        <div>
          <button type="button" disabled={readOnly} className={buttonClass('secondary')} onClick={() => input.current?.click()}>
            {i18n.t('playbookEditor.file.import')}
          </button>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-label={i18n.t('playbookEditor.file.import')}
            className="sr-only"
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
          <p className="mt-1 text-xs text-slate-500">{i18n.t('playbookEditor.file.importHint')}</p>
        </div>
        <div>
          <button type="button" disabled={readOnly || draft.loaded?.isDefault} className={buttonClass('danger')} onClick={() => void reset()}>
            {i18n.t('playbookEditor.file.reset')}
          </button>
          <p className="mt-1 text-xs text-slate-500">{i18n.t('playbookEditor.file.resetHint')}</p>
        </div>
      </div>
      {notice && (
        <div className="mt-3">
          <Notice tone={notice.tone}>{notice.text}</Notice>
        </div>
      )}
    </Card>
  );
}
