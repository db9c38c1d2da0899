import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { audiencesOf, commandsFor, HandlerError, handlersOf, requestSchemasOf, type ProtocolOf } from '@/lib/messaging/commands';

interface Deps {
  greeting: string;
  saved: string[];
}

const command = commandsFor<Deps>();
const commands = {
  greet: command({
    request: z.strictObject({ name: z.string().min(1) }),
    response: z.object({ text: z.string() }),
    audience: 'extension',
    handle: async ({ name }, deps) => ({ text: `${deps.greeting}, ${name}` }),
  }),
  save: command({
    request: z.strictObject({ value: z.string() }),
    response: z.null(),
    audience: 'content',
    async handle({ value }, deps, context) {
      if (!context.site) throw new HandlerError('forbidden', 'no site');
      deps.saved.push(`${context.site}:${value}`);
      return null;
    },
  }),
};

describe('typed commands', () => {
  it('gives the router each request schema and audience from the one declaration', () => {
    const schemas = requestSchemasOf(commands);
    expect(Object.keys(schemas)).toEqual(['greet', 'save']);
    expect(schemas.greet.safeParse({ name: 'Ada' }).success).toBe(true);
    expect(schemas.greet.safeParse({ name: '' }).success).toBe(false);
    expect(schemas.save.safeParse({ value: 'x', extra: 1 }).success).toBe(false);
    expect(audiencesOf(commands)).toEqual({ greet: 'extension', save: 'content' });
  });

  it('binds the handlers to the feature’s dependencies and passes the sender context through', async () => {
    const deps: Deps = { greeting: 'Hello', saved: [] };
    const handlers = handlersOf(commands, deps);
    await expect(handlers.greet({ name: 'Ada' }, { site: null, tabId: null })).resolves.toEqual({ text: 'Hello, Ada' });
    await expect(handlers.save({ value: 'v' }, { site: 'https://crm.test', tabId: 3 })).resolves.toBeNull();
    expect(deps.saved).toEqual(['https://crm.test:v']);
    await expect(handlers.save({ value: 'v' }, { site: null, tabId: null })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('derives the protocol types from the schemas (a wrong request or reply does not compile)', () => {
    type P = ProtocolOf<typeof commands>;
    const request: P['greet']['request'] = { name: 'Ada' };
    const reply: P['greet']['response'] = { text: 'hi' };
    // @ts-expect-error: the request schema has no such field
    const wrong: P['greet']['request'] = { nom: 'Ada' };
    // The check is tsc's (`npm run typecheck`); at run time the request still parses.
    expect(requestSchemasOf(commands).greet.parse(request)).toEqual(request);
    expect([reply, wrong]).toHaveLength(2);
  });
});
