import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from './Card';
import { CopyButton } from './CopyButton';

export interface ScriptCardProps {
  /** The message (email / chat) version, plain text. */
  text: string;
  /** The call talk track, when the playbook has one. */
  call?: string;
  /** The script's title ("Service recovery call"). */
  title?: string;
}

/** The suggested retention script in its message and call versions, selectable, with Copy. */
export function ScriptCard({ text, call, title }: ScriptCardProps) {
  const [version, setVersion] = useState<'message' | 'call'>('message');
  const panelId = useId();
  const shown = version === 'call' && call ? call : text;
  return (
    <Card title={i18n.t('sidepanel.script')} subtitle={title} actions={<CopyButton text={shown} />}>
      {call && (
        <div role="tablist" aria-label={i18n.t('sidepanel.scriptVersion')} className="mb-2 inline-flex rounded-md border border-slate-200 p-0.5 text-xs">
          {(['message', 'call'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={version === v}
              aria-controls={panelId}
              onClick={() => setVersion(v)}
              className={`rounded px-2 py-1 font-medium focus-visible:outline-2 focus-visible:outline-sky-600 ${version === v ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              {i18n.t(v === 'message' ? 'sidepanel.scriptMessage' : 'sidepanel.scriptCall')}
            </button>
          ))}
        </div>
      )}
      <p
        id={panelId}
        role={call ? 'tabpanel' : undefined}
        className="rounded-md border-l-4 border-sky-600 bg-sky-50 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-800 select-text"
      >
        {shown}
      </p>
    </Card>
  );
}
