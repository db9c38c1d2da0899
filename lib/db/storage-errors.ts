/**
 * What went wrong with IndexedDB, in words a user can act on. The kinds
 * follow the DOMException / Dexie error names browsers actually raise.
 */
export type StorageProblemKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'other';

export function classifyStorageError(error: unknown): StorageProblemKind {
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (name === 'BlockedError' || name === 'DatabaseClosedError' && /blocked/i.test(message)) return 'blocked';
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

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
