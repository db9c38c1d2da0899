/**
 * The typed-command pattern: a feature declares each of its messages once, as
 *
 *   name: command({ request, response, audience, handle })
 *
 * in its own folder (lib/<feature>/<feature>-commands.ts). From that one
 * declaration come the request's runtime check (the router parses every
 * payload with `request` before `handle` runs), who may send it, the
 * handler, and the message's TypeScript types (`ProtocolOf`: the request
 * type is z.input of the schema, the response type z.output), so no type is
 * written next to its schema. Adding a message touches the feature's folder
 * only; a new feature adds one line to lib/messaging/all-commands.ts (types,
 * checks, audiences) and one to lib/background/handlers.ts (its handlers,
 * given its dependencies).
 *
 * Responses come from our own background, so they are not parsed at run time;
 * their schemas give the types, and the features' tests parse real answers
 * with them, so schema and handler cannot drift apart. Response schemas
 * therefore hold no transforms (z.input and z.output agree). A response part
 * that is a domain type declared once elsewhere (a stored playbook, a health
 * summary) is `z.custom<ThatType>()`: still written once, and tsc checks the
 * handler against it.
 */
import type { z } from 'zod';
import type { SiteKey } from '@/lib/domain';

/** Who may send a message: a CRM page's content script, or an extension page. */
export type Audience = 'content' | 'extension';

/** wrong-customer: an agent's action named a customer other than the one the panel's tab shows (lib/focus/action-guard.ts). */
export type ErrorCode = 'bad-request' | 'forbidden' | 'not-found' | 'wrong-customer' | 'storage' | 'internal';

/** A failure the sender should see as such (the router turns it into an error reply with this code). */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A row of a request's list that the background left out as invalid: its index in the list as sent, and why. */
export interface RejectedRow {
  index: number;
  problem: string;
}

export interface HandlerContext {
  /** The CRM origin of a content-script sender; never taken from the payload. */
  site: SiteKey | null;
  tabId: number | null;
  /** Rows of the request's row list that failed validation and were left out (lib/background/router.ts's ROW_LISTS). */
  rejectedRows?: RejectedRow[];
}

export interface Command<Deps, Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  audience: Audience;
  handle: (request: z.output<Req>, deps: Deps, context: HandlerContext) => Promise<z.output<Res>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds commands of any request and response schema
type AnyCommand<Deps = any> = Command<Deps, z.ZodType, z.ZodType>;

/** A command builder for one feature's dependencies: infers each command's request and response types. */
export function commandsFor<Deps>() {
  return <Req extends z.ZodType, Res extends z.ZodType>(spec: Command<Deps, Req, Res>): Command<Deps, Req, Res> => spec;
}

/** The feature's messages as the Protocol declares them. */
export type ProtocolOf<C extends Record<string, AnyCommand>> = {
  [K in keyof C]: { request: z.input<C[K]['request']>; response: z.output<C[K]['response']> };
};

type DepsOf<C> = C extends Record<string, Command<infer Deps, z.ZodType, z.ZodType>> ? Deps : never;

/** What the router needs of each command: the request's schema. */
export function requestSchemasOf<C extends Record<string, AnyCommand>>(commands: C): { [K in keyof C]: C[K]['request'] } {
  return Object.fromEntries(Object.entries(commands).map(([name, c]) => [name, c.request])) as { [K in keyof C]: C[K]['request'] };
}

/** Who may send each command. */
export function audiencesOf<C extends Record<string, AnyCommand>>(commands: C): Record<keyof C, Audience> {
  return Object.fromEntries(Object.entries(commands).map(([name, c]) => [name, c.audience])) as Record<keyof C, Audience>;
}

/** The feature's handlers, bound to its dependencies, in the router's shape. */
export function handlersOf<C extends Record<string, AnyCommand>>(
  commands: C,
  deps: DepsOf<C>,
): { [K in keyof C]: (request: z.output<C[K]['request']>, context: HandlerContext) => Promise<z.output<C[K]['response']>> } {
  return Object.fromEntries(
    Object.entries(commands).map(([name, c]) => [name, (request: unknown, context: HandlerContext) => c.handle(request, deps, context)]),
  ) as { [K in keyof C]: (request: z.output<C[K]['request']>, context: HandlerContext) => Promise<z.output<C[K]['response']>> };
}
