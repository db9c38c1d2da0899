/**
 * The playbook editor's messages (options → background): read and save the
 * team's playbook, and a real stored customer's script variables for the
 * live preview. Merged into the one Protocol (protocol.ts); types only.
 */
import type { SiteKey, Tier } from '../domain';
import type { Playbook, PlaybookContext } from '../playbooks/types';
import type { ScriptVariables } from '../playbooks/variables';

export interface PlaybookState {
  /** The playbook in force (the stored one, or the default). */
  playbook: Playbook;
  /** True when nothing is stored: the default is in force. */
  isDefault: boolean;
  /** The reset target. */
  defaultPlaybook: Playbook;
}

export interface PreviewCustomer {
  site: SiteKey;
  crmId: string;
  name: string;
  tier: Tier | null;
}

export interface PlaybookProtocol {
  getPlaybook: { request: Record<string, never>; response: PlaybookState };
  /** Store an edited playbook (validated again here); null resets to the default. Applies to scoring at once. */
  savePlaybook: { request: { playbook: unknown }; response: PlaybookState };
  /** Stored customers for the preview picker, most recently seen first, optionally by name or id. */
  listPreviewCustomers: { request: { query?: string }; response: { customers: PreviewCustomer[] } };
  /** A stored customer's script variables in both languages and what the rules would look at. */
  getPreviewVariables: {
    request: { site: SiteKey; crmId: string };
    response: { name: string; variables: { en: ScriptVariables; zh: ScriptVariables }; context: PlaybookContext } | null;
  };
}
