/**
 * The playbook editor's handlers: the stored playbook (null = the default)
 * and, for the live preview, a real stored customer's script variables,
 * computed the way scoring computes them (same indicators, same reasons).
 */
import type { PlaybookProtocol, PlaybookState } from '../messaging/playbook-protocol';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook';
import { parsePlaybook } from '../playbooks/playbook-file';
import { playbookInForce } from '../playbooks/playbook-item';
import type { Playbook } from '../playbooks/types';
import { scriptVariables } from '../playbooks/variables';
import type { CustomerStore } from './customer-store';
import { assertUnlocked } from './policy-service';
import { HandlerError, type Handlers } from './router';
import { scoreOne, type ScoreOneDeps } from './score-one';
import { scriptContext } from './scoring';

export interface PlaybookDeps extends ScoreOneDeps {
  customers: CustomerStore;
  /** The stored playbook item (null: the default); scoring reads the same item, so a save applies at once. */
  storedPlaybook: { get: () => Promise<Playbook | null>; set: (value: Playbook | null) => Promise<void> };
}

/** Customers offered in the preview picker. */
const PREVIEW_CUSTOMERS = 50;

export function createPlaybookHandlers(deps: PlaybookDeps): Pick<Handlers, keyof PlaybookProtocol> {
  async function state(): Promise<PlaybookState> {
    const stored = await deps.storedPlaybook.get();
    return { playbook: playbookInForce(stored), isDefault: stored === null, defaultPlaybook: DEFAULT_PLAYBOOK };
  }

  return {
    getPlaybook: state,

    async savePlaybook({ playbook }) {
      await assertUnlocked('playbook');
      if (playbook === null) {
        await deps.storedPlaybook.set(null);
        return state();
      }
      let parsed: Playbook;
      try {
        parsed = parsePlaybook(playbook);
      } catch (error) {
        throw new HandlerError('bad-request', (error as Error).message);
      }
      await deps.storedPlaybook.set(parsed);
      return state();
    },

    async listPreviewCustomers({ query }) {
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

    async getPreviewVariables({ site, crmId }) {
      await deps.customers.settled();
      const customer = await deps.customers.get(site, crmId);
      if (!customer) return null;
      // Scored as the side panel scores it, so the preview shows the script an agent would see.
      const { score, indicators, override, resolveField } = await scoreOne(deps, customer);
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
  };
}
