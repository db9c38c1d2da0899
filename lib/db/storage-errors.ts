/**
 * What went wrong with IndexedDB, in words a user can act on. The kinds
 * follow the DOMException / Dexie error names browsers actually raise.
 */
export type StorageProblemKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'other';

export function classifyStorageError(error: unknown): StorageProblemKind {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (name === 'BlockedError' || (name === 'DatabaseClosedError' && /blocked/i.test(message))) return 'blocked';
  if (name === 'VersionError' || name === 'UpgradeError') return 'version';
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError' || /indexedDB.*(not|un)available|private/i.test(message)) {
    return 'unavailable';
  }
  return 'other';
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const inner = (error as { inner?: unknown }).inner;
  const name = (error as { name?: unknown }).name;
  // Dexie wraps the browser's error: the inner one says what really happened.
  if (name === 'OpenFailedError' && inner && typeof inner === 'object' && typeof (inner as { name?: unknown }).name === 'string') {
    const innerName = (inner as { name: string }).name;
    if (innerName !== 'Error') return innerName;
  }
  return typeof name === 'string' ? name : '';
}

/**
 * Error names IndexedDB and Dexie raise when storage itself failed (space, a blocked or closed
 * database, an upgrade, a private window) rather than our code: the router answers these with
 * the 'storage' error code, which the pages show as a storage problem, not a bug.
 */
const STORAGE_ERROR_NAMES = new Set([
  'QuotaExceededError',
  'DatabaseClosedError',
  'OpenFailedError',
  'VersionError',
  'UpgradeError',
  'BlockedError',
  'InvalidStateError',
  'UnknownError',
  'AbortError',
  'TransactionInactiveError',
  'MissingAPIError',
]);

/** The error's own name and, when Dexie wrapped a browser error, the inner one's. */
function namesOf(error: unknown): string[] {
  if (!(error instanceof Error)) return [];
  const inner = (error as { inner?: unknown }).inner;
  return inner instanceof Error ? [error.name, inner.name] : [error.name];
}

export function isStorageError(error: unknown): boolean {
  return namesOf(error).some((name) => STORAGE_ERROR_NAMES.has(name));
}

export function isQuotaError(error: unknown): boolean {
  return namesOf(error).includes('QuotaExceededError');
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
