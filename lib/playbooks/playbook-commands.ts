/**
 * The playbook editor's messages (options → background): read and save the
 * team's playbook (null = the default), and, for the live preview, a real
 * stored customer's script variables, computed the way scoring computes them
 * (same indicators, same reasons: the background's scoreOne).
 */
import { z } from 'zod';
import type { CustomerScore, SiteKey } from '@/lib/domain';
import type { CustomerRow } from '@/lib/db/schema';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { Translate } from '@/lib/explain/reason-text';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import type { IndicatorResult } from '@/lib/indicators/types';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import type { LockableSetting } from '@/lib/policy/managed-policy';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { scriptContext } from './driver';
import { parsePlaybook } from './playbook-file';
import { playbookInForce } from './playbook-item';
import type { Playbook, PlaybookContext } from './types';
import { scriptVariables, type ScriptVariables } from './variables';

export interface PlaybookDeps {
  db: ChurnRadarDb;
  customers: { settled: () => Promise<void>; get: (site: SiteKey, crmId: string) => Promise<CustomerRow | undefined> };
  /** The stored playbook item (null: the default); scoring reads the same item, so a save applies at once. */
  storedPlaybook: { get: () => Promise<Playbook | null>; set: (value: Playbook | null) => Promise<void> };
  /** Refuses (HandlerError 'forbidden') when the managed policy locks the playbook. */
  assertUnlocked: (setting: LockableSetting) => Promise<void>;
  /** A stored customer scored as the side panel scores it (lib/background/score-one.ts). */
  scoreCustomer: (customer: CustomerRow) => Promise<{
    score: CustomerScore | null;
    indicators: IndicatorResult;
    override: { tier: CustomerScore['tier'] } | null;
    resolveField: FieldResolver | undefined;
  }>;
  t: Translate;
}

/** Customers offered in the preview picker. */
const PREVIEW_CUSTOMERS = 50;

// The playbook is checked by parsePlaybook (requests) and built by our own code (responses).
const playbook = z.custom<Playbook>();
const playbookStateSchema = z.object({
  /** The playbook in force (the stored one, or the default). */
  playbook,
  /** True when nothing is stored: the default is in force. */
  isDefault: z.boolean(),
  /** The reset target. */
  defaultPlaybook: playbook,
});
export type PlaybookState = z.output<typeof playbookStateSchema>;

const previewCustomerSchema = z.object({ site: z.string(), crmId: z.string(), name: z.string(), tier: z.custom<CustomerScore['tier']>().nullable() });
export type PreviewCustomer = z.output<typeof previewCustomerSchema>;

async function state(deps: PlaybookDeps): Promise<PlaybookState> {
  const stored = await deps.storedPlaybook.get();
  return { playbook: playbookInForce(stored), isDefault: stored === null, defaultPlaybook: DEFAULT_PLAYBOOK };
}

const command = commandsFor<PlaybookDeps>();

export const playbookCommands = {
  getPlaybook: command({ request: z.strictObject({}), response: playbookStateSchema, audience: 'extension', handle: (_request, deps) => state(deps) }),

  /** Store an edited playbook (validated again here); null resets to the default. Applies to scoring at once. */
  savePlaybook: command({
    // The playbook itself is checked by parsePlaybook, which names what is wrong.
    request: z.strictObject({ playbook: z.union([z.record(z.string(), z.unknown()), z.null()]) }),
    response: playbookStateSchema,
    audience: 'extension',
    async handle({ playbook }, deps) {
      await deps.assertUnlocked('playbook');
      if (playbook === null) {
        await deps.storedPlaybook.set(null);
        return state(deps);
      }
      let parsed: Playbook;
      try {
        parsed = parsePlaybook(playbook);
      } catch (error) {
        throw new HandlerError('bad-request', (error as Error).message);
      }
      await deps.storedPlaybook.set(parsed);
      return state(deps);
    },
  }),

  /** Stored customers for the preview picker, most recently seen first, optionally by name or id. */
  listPreviewCustomers: command({
    request: z.strictObject({ query: z.string().max(256).optional() }),
    response: z.object({ customers: z.array(previewCustomerSchema) }),
    audience: 'extension',
    async handle({ query }, deps) {
      await deps.customers.settled();
      const needle = query?.trim().toLowerCase() ?? '';
      const rows = await deps.db.customers
        .orderBy('lastSeen')
        .reverse()
        .filter((row) => !needle || row.name.toLowerCase().includes(needle) || row.crmId.toLowerCase().includes(needle))
        .limit(PREVIEW_CUSTOMERS)
        .toArray();
      return { customers: rows.map((row) => ({ site: row.site, crmId: row.crmId, name: row.name, tier: row.lastScore?.tier ?? null })) };
    },
  }),

  /** A stored customer's script variables in both languages and what the rules would look at. */
  getPreviewVariables: command({
    request: z.strictObject({ site: z.string().min(1).max(512), crmId: z.string().min(1).max(256) }),
    response: z
      .object({
        name: z.string(),
        variables: z.object({ en: z.custom<ScriptVariables>(), zh: z.custom<ScriptVariables>() }),
        context: z.custom<PlaybookContext>(),
      })
      .nullable(),
    audience: 'extension',
    async handle({ site, crmId }, deps) {
      await deps.customers.settled();
      const customer = await deps.customers.get(site, crmId);
      if (!customer) return null;
      // Scored as the side panel scores it, so the preview shows the script an agent would see.
      const { score, indicators, override, resolveField } = await deps.scoreCustomer(customer);
      const reasons = score?.reasons ?? [];
      const tier = override?.tier ?? score?.tier ?? customer.lastScore?.tier ?? 1;
      return {
        name: customer.name,
        variables: {
          en: scriptVariables(customer, reasons, indicators, 'en', deps.t, resolveField),
          zh: scriptVariables(customer, reasons, indicators, 'zh', deps.t, resolveField),
        },
        context: scriptContext(tier, reasons, indicators),
      };
    },
  }),
};
