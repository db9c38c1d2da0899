import { describe, expect, it } from 'vitest';
import { classifyStorageError, errorText, isQuotaError, isStorageError } from '@/lib/db/storage-errors';

const named = (name: string, message = 'x', inner?: unknown) => Object.assign(new Error(message), { name, inner });

describe('storage errors', () => {
  it('tells a full disk, a blocked upgrade, a newer database and a missing IndexedDB apart', () => {
    expect(classifyStorageError(named('QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError(named('AbortError', 'Transaction aborted: quota exceeded'))).toBe('quota');
    expect(classifyStorageError(named('BlockedError'))).toBe('blocked');
    expect(classifyStorageError(named('VersionError'))).toBe('version');
    expect(classifyStorageError(named('MissingAPIError', 'indexedDB API missing'))).toBe('unavailable');
    expect(classifyStorageError(named('OpenFailedError', 'open failed', named('InvalidStateError')))).toBe('unavailable');
    expect(classifyStorageError(named('OpenFailedError', 'open failed', named('VersionError')))).toBe('version');
    expect(classifyStorageError(new Error('boom'))).toBe('other');
    expect(classifyStorageError('a string')).toBe('other');
  });

  it('keeps the browser’s own wording for the details', () => {
    expect(errorText(named('QuotaExceededError', 'The quota has been exceeded.'))).toBe('QuotaExceededError: The quota has been exceeded.');
    expect(errorText(42)).toBe('42');
  });

  it('tells storage failures (the browser’s or Dexie’s, wrapped or not) from bugs, with one list', () => {
    for (const name of ['QuotaExceededError', 'BlockedError', 'UpgradeError', 'DatabaseClosedError', 'AbortError'])
      expect(isStorageError(named(name))).toBe(true);
    expect(isStorageError(named('DexieError', 'wrapped', named('QuotaExceededError')))).toBe(true);
    expect(isStorageError(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(named('AbortError', 'aborted', named('QuotaExceededError')))).toBe(true);
    expect(isQuotaError(named('AbortError'))).toBe(false);
  });
});
