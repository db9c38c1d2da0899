/**
 * The shape every value parser in lib/parse returns.
 *
 * A parser never guesses: when the text is ambiguous or unrecognised it says
 * so (`ok: false` with a reason) rather than returning a wrong value. A
 * *missing* value (blank, "—", "N/A", …) is also `ok: false`, but flagged
 * `missing: true` so callers can tell "no value" from "a value we could not
 * read".
 */
export type ParseOk<T> = { ok: true; value: T };
export type ParseMissing = { ok: false; missing: true; reason: string };
export type ParseInvalid = { ok: false; missing: false; reason: string };
export type ParseFailure = ParseMissing | ParseInvalid;
export type ParseResult<T> = ParseOk<T> | ParseFailure;

/** What parsers accept: CSV cells, CRM page text, or already-typed values. */
export type RawValue = string | number | boolean | null | undefined;

export function ok<T>(value: T): ParseOk<T> {
  return { ok: true, value };
}

export function invalid(reason: string): ParseInvalid {
  return { ok: false, missing: false, reason };
}

export const MISSING: ParseMissing = Object.freeze({ ok: false, missing: true, reason: 'missing' }) as ParseMissing;
