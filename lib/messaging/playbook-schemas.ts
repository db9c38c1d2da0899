import { z } from 'zod';
import type { PlaybookProtocol } from './playbook-protocol';

/** Runtime shapes of the playbook editor's messages (see playbook-protocol.ts); merged into requestSchemas. */
export const playbookRequestSchemas = {
  getPlaybook: z.strictObject({}),
  // The playbook itself is checked by parsePlaybook in the handler, which names what is wrong.
  savePlaybook: z.strictObject({ playbook: z.union([z.record(z.string(), z.unknown()), z.null()]) }),
  listPreviewCustomers: z.strictObject({ query: z.string().max(256).optional() }),
  getPreviewVariables: z.strictObject({ site: z.string().min(1).max(512), crmId: z.string().min(1).max(256) }),
} satisfies Record<keyof PlaybookProtocol, z.ZodType>;

export const playbookAudience: Record<keyof PlaybookProtocol, 'extension'> = {
  getPlaybook: 'extension',
  savePlaybook: 'extension',
  listPreviewCustomers: 'extension',
  getPreviewVariables: 'extension',
};
