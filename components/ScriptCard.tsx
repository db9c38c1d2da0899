import { i18n } from '#i18n';
import { Card } from './Card';
import { CopyButton } from './CopyButton';

export interface ScriptCardProps {
  /** The rendered retention script (plain text). */
  text: string;
  title?: string;
}

/** The suggested retention script, selectable, with a Copy button. */
export function ScriptCard({ text, title = i18n.t('sidepanel.script') }: ScriptCardProps) {
  return (
    <Card title={title} actions={<CopyButton text={text} />}>
      <p
        className="rounded-md border-l-4 border-sky-600 bg-sky-50 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-800 select-text"
      >
        {text}
      </p>
    </Card>
  );
}
