import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type HandlerContext, type Handlers, type SenderInfo } from '@/lib/background/router';
import { agentCommands } from '@/lib/agent/agent-commands';
import { kpiCommands } from '@/lib/kpi/kpi-commands';
import { mappingCommands } from '@/lib/mapping/mapping-commands';
import { playbookCommands } from '@/lib/playbooks/playbook-commands';
import { policyCommands } from '@/lib/policy/policy-commands';
import { privacyCommands } from '@/lib/privacy/privacy-commands';
import type { MessageType } from '@/lib/messaging/protocol';
import { audiencesOf, requestSchemasOf } from '@/lib/messaging/commands';
import { riskCommands } from '@/lib/risk/risk-commands';
import { alertCommands } from '@/lib/alerts/alert-commands';
import { monitoringCommands } from '@/lib/monitoring/monitoring-commands';
import { messageAudience, requestSchemas } from '@/lib/messaging/schemas';
import { sitesCommands } from '@/lib/sites/sites-commands';
import { focusCommands } from '@/lib/focus/focus-commands';
import { recipeCommands } from '@/lib/recipes/recipe-commands';
import { experimentAudience, experimentRequestSchemas } from '@/lib/experiments/messages';

const EXT = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const CRM = 'http://crm.test';
const fromCrm: SenderInfo = { id: EXT, url: `${CRM}/customers`, origin: CRM, tab: { id: 7, url: `${CRM}/customers` } };
const fromPage: SenderInfo = { id: EXT, url: `${ORIGIN}options.html` };
const fromOtherExtension: SenderInfo = { id: 'other-id', url: 'chrome-extension://other-id/page.html', tab: { id: 3 } };

const TYPES = Object.keys(messageAudience) as MessageType[];
const CONTENT = TYPES.filter((type) => messageAudience[type] === 'content');
const EXTENSION = TYPES.filter((type) => messageAudience[type] === 'extension');

/** Every handler records its call; the router alone decides who gets through. */
function setup() {
  const calls: { type: string; payload: unknown; context: HandlerContext }[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_target, type: string) => async (payload: unknown, context: HandlerContext) => void calls.push({ type, payload, context }),
  });
  const route = createRouter({ extensionId: EXT, extensionOrigin: ORIGIN, isSiteEnabled: (origin) => origin === CRM, handlers });
  return { route, calls };
}
const envelope = (type: string, payload: unknown = {}) => ({ channel: 'churn-radar', type, payload });

describe('message audiences', () => {
  it('has content and extension messages, and an audience for exactly the messages that have a schema', () => {
    expect(CONTENT.length).toBeGreaterThanOrEqual(4);
    expect(EXTENSION.length).toBeGreaterThan(CONTENT.length);
    expect(new Set(TYPES)).toEqual(new Set(Object.keys(requestSchemas)));
  });

  it.each(EXTENSION)('refuses extension-page message %s from a CRM content script', async (type) => {
    const { route, calls } = setup();
    expect(await route(envelope(type), fromCrm)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining("extension's own pages") },
    });
    expect(calls).toEqual([]);
  });

  it.each(CONTENT)('refuses content message %s from an extension page', async (type) => {
    const { route, calls } = setup();
    expect(await route(envelope(type), fromPage)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('enabled CRM page') },
    });
    expect(calls).toEqual([]);
  });

  it.each(TYPES)('refuses %s from another extension', async (type) => {
    const { route, calls } = setup();
    expect(await route(envelope(type), fromOtherExtension)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it.each(CONTENT)('takes the site of content message %s from the sender, never from a payload `site`', async (type) => {
    const { route, calls } = setup();
    const reply = await route(envelope(type, { site: 'https://evil.test' }), fromCrm);
    // Strict schemas refuse the unknown field; a handler that runs sees the sender's site only.
    if (reply?.ok) expect(calls).toEqual([{ type, payload: expect.not.objectContaining({ site: 'https://evil.test' }), context: { site: CRM, tabId: 7 } }]);
    else expect(reply).toMatchObject({ error: { code: 'bad-request' } });
    // And a disabled CRM (or a frame of another origin) is refused whatever the payload says.
    expect(await route(envelope(type, { site: CRM }), { ...fromCrm, url: 'https://evil.test/x', origin: 'https://evil.test' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

/** The keys of an object literal as written in lib/messaging/schemas.ts (the core messages, before the spreads). */
function literalKeys(name: string): string[] {
  const source = readFileSync(join(__dirname, '../../../lib/messaging/schemas.ts'), 'utf8');
  const start = source.indexOf(`export const ${name}`);
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {2}(\w+):/gm)].map((match) => match[1]!);
}

describe('merged message maps', () => {
  const features = {
    agent: [requestSchemasOf(agentCommands), audiencesOf(agentCommands)],
    privacy: [requestSchemasOf(privacyCommands), audiencesOf(privacyCommands)],
    policy: [requestSchemasOf(policyCommands), audiencesOf(policyCommands)],
    risk: [requestSchemasOf(riskCommands), audiencesOf(riskCommands)],
    mapping: [requestSchemasOf(mappingCommands), audiencesOf(mappingCommands)],
    playbook: [requestSchemasOf(playbookCommands), audiencesOf(playbookCommands)],
    kpi: [requestSchemasOf(kpiCommands), audiencesOf(kpiCommands)],
    sites: [requestSchemasOf(sitesCommands), audiencesOf(sitesCommands)],
    focus: [requestSchemasOf(focusCommands), audiencesOf(focusCommands)],
    recipes: [requestSchemasOf(recipeCommands), audiencesOf(recipeCommands)],
    experiments: [experimentRequestSchemas, experimentAudience],
    monitoring: [requestSchemasOf(monitoringCommands), audiencesOf(monitoringCommands)],
    alerts: [requestSchemasOf(alertCommands), audiencesOf(alertCommands)],
  } as const;

  it.each([
    ['requestSchemas', 0],
    ['messageAudience', 1],
  ] as const)('%s: the core and every feature map have disjoint keys (a spread would silently overwrite a duplicate)', (name, index) => {
    const owners = new Map<string, string[]>();
    const add = (owner: string, keys: string[]) => keys.forEach((key) => owners.set(key, [...(owners.get(key) ?? []), owner]));
    add('core', literalKeys(name));
    for (const [feature, maps] of Object.entries(features)) add(feature, Object.keys(maps[index]));
    const duplicates = [...owners].filter(([, by]) => by.length > 1).map(([key, by]) => `${key}: ${by.join(', ')}`);
    expect(duplicates).toEqual([]);
    expect(owners.size).toBe(TYPES.length);
  });

  it.each(Object.entries(features))('%s: its schemas and its audiences list the same messages', (_feature, [schemas, audience]) => {
    expect(Object.keys(audience).sort()).toEqual(Object.keys(schemas).sort());
  });
});
